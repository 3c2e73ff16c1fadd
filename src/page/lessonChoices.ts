// The lessons a shared link can open, for the share builder's list: read from the lessons module
// once it has loaded (it loads beside the page at start). Before that the builder takes an id as
// text.
import { lessonsLoaded } from '../lessons/load';

export interface LessonChoice {
  id: string;
  title: string;
}

export function lessonChoices(): LessonChoice[] {
  return lessonsLoaded()?.listLessons().map(({ id, title }) => ({ id, title })) ?? [];
}
