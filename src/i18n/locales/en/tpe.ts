// Strings of the TPE strategy and conditional settings.
const tpe = {
  title: 'TPE',
};
export default tpe;
