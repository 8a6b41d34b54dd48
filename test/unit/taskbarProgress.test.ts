/** The taskbar / Dock progress for downloads, conversions and thread tuning. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  NO_PROGRESS,
  TaskbarProgress,
  UNKNOWN_AMOUNT,
} from '../../electron/desktop/taskbarProgress.js';
import type { JobProgress } from '../../shared/schemas/models.js';

const progress = (jobId: string, receivedBytes: number, totalBytes: number): JobProgress => ({
  jobId,
  kind: 'download',
  phase: 'downloading',
  receivedBytes,
  totalBytes,
  bytesPerSecond: 1_000_000,
  etaSeconds: 10,
});

describe('TaskbarProgress', () => {
  it('shows the share of all bytes in flight, and nothing once every job has ended', () => {
    const bar = new TaskbarProgress();
    assert.equal(bar.value(), NO_PROGRESS);
    assert.equal(
      bar.update({ event: 'models.jobProgress', payload: progress('a', 25, 100) }),
      0.25,
    );
    assert.equal(
      bar.update({ event: 'models.jobProgress', payload: progress('b', 0, 300) }),
      0.063,
    );
    assert.equal(
      bar.update({ event: 'models.jobProgress', payload: progress('a', 25, 100) }),
      null,
    );
    assert.equal(bar.update({ event: 'models.jobEnd', payload: { jobId: 'a', ok: true } }), 0);
    assert.equal(bar.update({ event: 'models.jobProgress', payload: progress('b', 300, 300) }), 1);
    assert.equal(
      bar.update({ event: 'models.jobEnd', payload: { jobId: 'b', ok: false, cancelled: true } }),
      NO_PROGRESS,
    );
  });

  it('shows busy without an amount while a size is unknown', () => {
    const bar = new TaskbarProgress();
    assert.equal(
      bar.update({ event: 'models.jobProgress', payload: progress('c', 10, 0) }),
      UNKNOWN_AMOUNT,
    );
    bar.update({ event: 'models.jobEnd', payload: { jobId: 'c', ok: true } });
    assert.equal(bar.value(), NO_PROGRESS);
  });
});
