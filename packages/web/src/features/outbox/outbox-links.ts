const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Where each piece of a message starts, so links can be told apart from the text around them. */
export function splitLinks(text: string): { offset: number; text: string; link: boolean }[] {
  let offset = 0;
  return text.split(URL_PATTERN).flatMap((part, i) => {
    const piece = { offset, text: part, link: i % 2 === 1 };
    offset += part.length;
    return part ? [piece] : [];
  });
}
