import { describe, expect, it } from 'vitest';
import { jobState } from '../../../src/zendesk/index.ts';

describe('jobState', () => {
  it('treats only queued and working as in progress, and anything unknown as failed', () => {
    const states = ['queued', 'working', 'completed', 'failed', 'killed', 'exploded'].map((status) =>
      jobState({ status }),
    );
    expect(states).toEqual(['in_progress', 'in_progress', 'completed', 'failed', 'failed', 'failed']);
  });
});
