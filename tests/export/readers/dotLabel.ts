/**
 * A Graphviz HTML-like label as Graphviz's HTML parser reads it (an XML parser here): <BR/> is a line break,
 * and a stand-in node's id is the <FONT> after the name.
 */
import { DOMParser } from '@xmldom/xmldom';

export function htmlLabelParts(label: string): { text: string; small: string | undefined } {
  const doc = new DOMParser().parseFromString(`<l>${label}</l>`, 'text/xml');
  let text = '';
  let small: string | undefined;
  const root = doc.documentElement;
  if (!root) throw new Error('dot: label is not well-formed');
  for (let node = root.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    else if (node.nodeName === 'BR') text += '\n';
    else if (node.nodeName === 'FONT') {
      // The stand-in's id, after the <BR/> that separates it from the name.
      text = text.slice(0, -1);
      small = '';
      for (let inner = node.firstChild; inner; inner = inner.nextSibling) small += inner.nodeName === 'BR' ? '\n' : (inner.nodeValue ?? '');
    }
    else throw new Error(`dot: unexpected <${node.nodeName}> in a label`);
  }
  return { text, small };
}
