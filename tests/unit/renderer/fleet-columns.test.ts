import { describe, expect, it } from 'vitest';
import { FIGURE_COLUMNS, TABLE_COLUMNS_REM } from '../../../src-renderer/views/overview/FleetRow';

/** 1024 px less the view's padding, at the root's 16 px: what the Overview table has without scrolling sideways. */
const AT_1024_REM = 984 / 16;

describe('the Overview table’s column widths', () => {
  it('gives every figure column its own width, whatever its kind (none is left to a CSS class named after it)', () => {
    for (const c of FIGURE_COLUMNS) expect(c.widthRem, c.kind).toBeGreaterThan(0);
  });

  it('fits a 1024 px window with every figure column and no other hosts’ column', () => {
    const { host: _host, ...always } = TABLE_COLUMNS_REM;
    const total = Object.values(always).reduce((a, b) => a + b, 0) + FIGURE_COLUMNS.reduce((a, c) => a + c.widthRem, 0);
    expect(total).toBeLessThanOrEqual(AT_1024_REM);
  });
});
