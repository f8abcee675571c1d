/**
 * The guided walkthrough of a lesson (a scenario played stop by stop) and the picker of
 * lessons in the top bar.
 */

export { Walkthrough } from './Walkthrough';
export { LessonPicker, lessonHref } from './LessonPicker';
