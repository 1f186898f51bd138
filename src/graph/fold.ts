/**
 * Name folding for search (ONTOLOGY.md, "Name search"): two spellings of one name fold to the same key,
 * so that "Støre", "Store" and "STORE" meet, and "Gahr-Støre" meets "gahr store".
 */

/** Letters that NFKD does not decompose into a base letter and a mark, with their ASCII spelling. */
const LETTERS: Readonly<Record<string, string>> = {
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  ł: 'l',
  đ: 'd',
  þ: 'th',
};

/** Typographic quotes and dashes, with their ASCII counterparts. */
const PUNCTUATION: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201A': "'",
  '\u201B': "'",
  '\u2032': "'",
  '\u201C': '"',
  '\u201D': '"',
  '\u201E': '"',
  '\u201F': '"',
  '\u2033': '"',
  '\u00AB': '"',
  '\u00BB': '"',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2013': '-',
  '\u2014': '-',
  '\u2015': '-',
  '\u2212': '-',
};

const MARKS = /\p{M}+/gu;
const LETTER_PATTERN = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'gu');
const PUNCTUATION_PATTERN = new RegExp(`[${Object.keys(PUNCTUATION).join('')}]`, 'gu');
/** Runs of white space and punctuation: they separate words and nothing else. */
const SEPARATORS = /[\s\p{P}]+/gu;

/**
 * Folds a name for matching: NFKD without combining marks, then the letters that do not decompose
 * (ø→o, æ→ae, œ→oe, ß→ss, ł→l, đ→d, þ→th), typographic quotes and dashes to ASCII, lower case, and runs
 * of spaces and punctuation to one space, trimmed.
 * @example foldName('Jonas Gahr Støre') === 'jonas gahr store'
 */
export function foldName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(LETTER_PATTERN, (letter) => LETTERS[letter] ?? letter)
    .replace(PUNCTUATION_PATTERN, (mark) => PUNCTUATION[mark] ?? mark)
    .replace(SEPARATORS, ' ')
    .trim();
}

/** The words of a folded name; [] for a name with no letters or digits. */
export function foldedWords(text: string): string[] {
  const folded = foldName(text);
  return folded === '' ? [] : folded.split(' ');
}
