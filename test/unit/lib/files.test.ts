import { describe, expect, it } from 'vitest';
import { safeFileName } from '@/lib/files';

describe('safeFileName', () => {
  it('keeps letters and digits, folds everything else to single hyphens', () => {
    expect(
      safeFileName(['ICS Maturity backup', 'Northshire & Eastvale ICS', '2021-04-01'], 'json'),
    ).toBe('ics-maturity-backup-northshire-eastvale-ics-2021-04-01.json');
  });

  it('makes hostile names safe on every operating system', () => {
    const name = safeFileName(
      ['<img src=x onerror=alert(1)> & "Ŵ"', '../../etc/passwd', 'CON:'],
      'pdf',
    );
    expect(name).toBe('img-src-x-onerror-alert-1-w-..-..-etc-passwd-con.pdf');
    expect(name).not.toMatch(/[<>:"/\\|?*]/);
    expect(safeFileName(['', '  '], 'png')).toBe('ics-maturity.png');
    expect(safeFileName(['x'.repeat(500)], 'csv').length).toBe(124);
  });
});
