import { describe, expect, it } from 'vitest';
import { readEventStream } from '../src/sse.js';

function body(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function all(chunks: string[]) {
  const out: Array<{ event: string; data: string }> = [];
  for await (const e of readEventStream(body(chunks))) out.push({ ...e });
  return out;
}

describe('readEventStream', () => {
  const text =
    ':\n\nevent: next\ndata: {"a":1}\n\nevent: next\r\ndata: line1\r\ndata: line2\r\n\r\ndata:no-space\n\nevent: complete\ndata:\n\n';
  const expected = [
    { event: 'next', data: '{"a":1}' },
    { event: 'next', data: 'line1\nline2' },
    { event: 'message', data: 'no-space' },
    { event: 'complete', data: '' },
  ];

  it('parses events, comments, CRLF and multi-line data', async () => {
    expect(await all([text])).toEqual(expected);
  });

  it('gives the same events for a split at every position, and byte by byte', async () => {
    for (let i = 0; i <= text.length; i++) expect(await all([text.slice(0, i), text.slice(i)])).toEqual(expected);
    expect(await all([...text])).toEqual(expected);
  });

  it('decodes UTF-8 split across chunks', async () => {
    const bytes = new TextEncoder().encode('data: Dončić ✓\n\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const b of bytes) controller.enqueue(new Uint8Array([b]));
        controller.close();
      },
    });
    const out = [];
    for await (const e of readEventStream(stream)) out.push(e.data);
    expect(out).toEqual(['Dončić ✓']);
  });
});
