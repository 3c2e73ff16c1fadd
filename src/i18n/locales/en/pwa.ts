// The offline / new-version banner (src/components/PwaPrompt.tsx).
const pwa = {
  region: 'App status',
  offlineReady: 'Ready to work offline',
  offlineDetail: 'The app, its tables and its engines are saved in this browser: it opens and trains without a network.',
  updateReady: 'A new version is ready',
  updateDetail: 'Your settings are in the link and survive the reload.',
  reload: 'Reload',
  later: 'Later',
  dismiss: 'Dismiss',
} as const;
export default pwa;
