// Strings of the image sets: the digits' data controls and previews, the image model's layers and
// summary, the image views (misclassified, feature maps, filters, draw pad) and image augmentation.
const images = {
  api: {
    notImages: 'predictImage and getFeatureMaps need an image set: load "digits" first',
    pixels: 'an image must be {{n}} numbers from 0 to 1 (28 × 28, row by row)',
  },
};
export default images;
