// The lessons panel's own words (the lessons' texts live in src/lessons/data, one file each).
const lessons = {
  panel: {
    title: 'Lessons',
    intro: 'Short guided lessons: each sets up the page, tells you what to do, and checks what you achieved from the live results.',
    lessons: 'Course',
    exercises: 'Exercises',
    concepts: 'concepts {{list}}',
    completed: 'completed',
    progress: '{{done}} of {{total}} completed',
    loading: 'Loading the lessons…',
    unknown: 'The link names a lesson "{{id}}" that the course does not have; the course list is shown.',
  },
  lesson: {
    position: 'Lesson {{n}} of {{total}}',
    exercise: 'Exercise {{n}} of {{total}}',
    setup: 'Set up the page',
    settingUp: 'Setting up…',
    setupDone: 'The page is set up for this lesson.',
    steps: 'Steps',
    question: 'Question',
    showAnswer: 'Show answer',
    checks: 'Checks',
    met: 'met',
    notYet: 'not yet',
    allMet: 'All checks met: lesson completed.',
    previous: 'Previous',
    next: 'Next',
    close: 'All lessons',
    nav: 'Lesson navigation',
  },
} as const;
export default lessons;
