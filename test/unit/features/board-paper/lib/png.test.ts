// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { radarChart } from '@/features/board-paper/lib/charts';
import { chartToPng } from '@/features/board-paper/lib/png';
import { boardPaperT, statusT, samplePaper } from '../../../../support/board-paper';

/**
 * jsdom neither decodes images nor draws on a canvas, so both are stand-ins that record what they
 * were given: the SVG markup that was loaded, and what was drawn on which canvas. That the PNG
 * itself looks right is checked in real Chromium by test/e2e/board-paper.spec.ts.
 */
const loaded: { src: string; markup: string }[] = [];
const revoked: string[] = [];
const blobs = new Map<string, Blob>();
const calls: string[] = [];
let decodeFails = false;

class FakeImage {
  src = '';
  decoding = '';
  async decode(): Promise<void> {
    if (decodeFails) throw new DOMException('cannot decode', 'EncodingError');
    loaded.push({ src: this.src, markup: await blobs.get(this.src)!.text() });
  }
}

const context = {
  fillStyle: '',
  fillRect: (...args: number[]) => calls.push(`fillRect ${context.fillStyle} ${args.join(' ')}`),
  drawImage: (image: FakeImage, ...args: number[]) =>
    calls.push(`drawImage ${image.src} ${args.join(' ')}`),
};

beforeEach(() => {
  loaded.length = 0;
  revoked.length = 0;
  calls.length = 0;
  decodeFails = false;
  let next = 0;
  vi.stubGlobal('Image', FakeImage);
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${(next += 1)}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => void revoked.push(url));
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
    this: HTMLCanvasElement,
  ) {
    calls.push(`canvas ${this.width}x${this.height}`);
    return context as unknown as CanvasRenderingContext2D;
  } as never);
  vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((callback, type) =>
    callback(new Blob(['png'], { type })),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const chart = () =>
  radarChart({
    paper: samplePaper({}, 'developing', { systemName: '<img src=x onerror=alert(1)> ICS' }),
    t: boardPaperT(),
    tStatus: statusT(),
    fontFamily: 'Arial',
  });

describe('chartToPng', () => {
  it('draws the chart at twice its size on white and gives a PNG', async () => {
    const drawn = chart();
    const png = await chartToPng(drawn);
    expect(png.type).toBe('image/png');
    expect(calls).toEqual([
      `canvas ${drawn.width * 2}x${drawn.height * 2}`,
      `fillRect #ffffff 0 0 ${drawn.width * 2} ${drawn.height * 2}`,
      `drawImage blob:test/1 0 0 ${drawn.width * 2} ${drawn.height * 2}`,
    ]);
  });

  it('loads the chart as SVG markup with user text escaped, and frees the blob URL', async () => {
    await chartToPng(chart(), 1);
    expect(loaded).toHaveLength(1);
    expect(loaded[0]!.markup.startsWith('<svg')).toBe(true);
    expect(loaded[0]!.markup).toContain('&lt;img src=x onerror=alert(1)&gt; ICS');
    expect(loaded[0]!.markup).not.toContain('<img');
    expect(revoked).toEqual(['blob:test/1']);
  });

  it('uses the scale it is given, rounding to whole pixels', async () => {
    const drawn = chart();
    await chartToPng(drawn, 1.5);
    expect(calls[0]).toBe(
      `canvas ${Math.round(drawn.width * 1.5)}x${Math.round(drawn.height * 1.5)}`,
    );
  });

  it('fails, still freeing the blob URL, when the image cannot be decoded or drawn', async () => {
    decodeFails = true;
    await expect(chartToPng(chart())).rejects.toThrow('cannot decode');
    expect(revoked).toEqual(['blob:test/1']);
    decodeFails = false;
    vi.mocked(HTMLCanvasElement.prototype.getContext).mockReturnValue(null);
    await expect(chartToPng(chart())).rejects.toThrow('no 2D canvas');
    expect(revoked).toEqual(['blob:test/1', 'blob:test/2']);
  });

  it('fails when the canvas gives no PNG', async () => {
    vi.mocked(HTMLCanvasElement.prototype.toBlob).mockImplementation((callback) => callback(null));
    await expect(chartToPng(chart())).rejects.toThrow('no PNG');
  });
});
