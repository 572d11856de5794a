// JSON pointers (RFC 6901), as the schemas' errors and the front matter locations use them:
// `/menu/main/weight`, with "~" written "~0" and "/" written "~1" inside a segment.

export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The segments of a pointer, unescaped: `/a~1b/0` → ['a/b', '0']. */
export function pointerSegments(pointer: string): string[] {
  return pointer.split('/').slice(1).map(unescapePointer);
}
