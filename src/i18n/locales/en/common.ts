// Strings shared by the whole page: the header, the language switch, generic words.
const common = {
  app: {
    title: 'Tuning Playground',
    tagline: 'Train a neural network in your browser and watch it fit, overfit or underfit.',
    skipToLive: 'Skip to the live view',
    runRegion: 'Run',
  },
  language: {
    label: 'Language',
    en: 'English',
    zh: '中文',
  },
} as const;
export default common;
