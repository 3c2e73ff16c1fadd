// The lessons a shared link can open, for the share builder's list. Until the lesson registry
// (src/lessons/registry.ts) is on this branch there are none listed: the builder then takes a
// lesson id as free text. Point this at the registry when it lands.
export interface LessonChoice {
  id: string;
  title: string;
}

export function lessonChoices(): LessonChoice[] {
  return [];
}
