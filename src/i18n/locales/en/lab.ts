// Strings of the lab panel (filled in by its work).
const lab = {
  title: 'Learning rate lab',
} as const;
export default lab;
