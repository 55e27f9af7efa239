// Counting words and the time it takes to say them: the pitch builder and the script studio measure
// alike, so a 30-second pitch and a 30-second voicemail mean the same thing.

export const WORDS_PER_MINUTE = 150;

/** The number of words in `text` (runs of non-space characters). */
export function countWords(text) {
  const words = text.trim().match(/\S+/g);
  return words ? words.length : 0;
}

/** Seconds it takes to say that many words at an unhurried pace. */
export function speakingSeconds(words) {
  return Math.round((words * 60) / WORDS_PER_MINUTE);
}
