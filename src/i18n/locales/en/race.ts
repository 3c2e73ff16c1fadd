// Strings of the race panel (filled in by its work).
const race = {
  title: 'Optimizer race',
} as const;
export default race;
