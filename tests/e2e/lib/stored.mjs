// The stored drafts as the tests read them. The app keeps each draft under its own key
// (`dti.draft.<id>`) and a head under `dti.workspace` listing them; these put them back
// together as one text, `{"version":3,"drafts":[…each draft's stored text…]}`, so a test
// can look for what was typed. Any other value under `dti.workspace` (an older build's
// single value, a newer build's, a damaged text) is returned as it is.

/** Runs in the page: the stored drafts as one text, or null when nothing is stored. */
export const STORED_TEXT = () => {
  const head = localStorage.getItem('dti.workspace');
  if (head === null) return null;
  let h;
  try {
    h = JSON.parse(head);
  } catch {
    return head;
  }
  if (h?.version !== 3 || !Array.isArray(h.drafts)) return head;
  const drafts = h.drafts.map((l) => localStorage.getItem(`dti.draft.${l.id}`)).filter((t) => t !== null);
  return `{"version":3,"drafts":[${drafts.join(',')}]}`;
};

/** The stored drafts of `page` as one text (null when none). */
export const storedText = (page) => page.evaluate(STORED_TEXT);

/** The stored drafts of `page` parsed (`{}` when none). */
export const storedDrafts = async (page) => JSON.parse((await storedText(page)) ?? '{}');
