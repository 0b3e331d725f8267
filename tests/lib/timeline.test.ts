import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../../src/lib/schema';
import { statesVisited, timelineView } from '../../src/lib/timeline';
import { goodScenario } from '../fixtures/corpus';

const scenario = scenarioSchema.parse(goodScenario());

describe('timelineView', () => {
  it('draws a packet from the right side as an arrow pointing left', () => {
    expect(timelineView(scenario)[0]?.direction).toBe('left');
  });

  it('marks a side as changed only when its state differs from the step before', () => {
    const [first, second] = timelineView(scenario);
    expect(first?.left.changed).toBe(true);
    expect(second?.left.changed).toBe(true);
    const still = scenarioSchema.parse({
      ...goodScenario(),
      timeline: [{ label: 'nothing', states: { left: 'ESTABLISHED', right: 'ESTABLISHED' } }],
    });
    expect(timelineView(still)[0]?.left.changed).toBe(false);
    expect(timelineView(still)[0]?.direction).toBeNull();
  });

  it('puts each call beside the actor that made it, with its errno', () => {
    const second = timelineView(scenario)[1];
    expect(second?.left.calls).toEqual([{ text: 'read() → -1 ECONNRESET', errno: 'ECONNRESET', note: undefined }]);
    expect(second?.right.calls).toEqual([]);
  });

  it('describes each step in a sentence for screen readers', () => {
    expect(timelineView(scenario)[1]?.sentence).toBe(
      'Client writes; server answers RST. Server sends RST to Client. Client: CLOSED; Server: CLOSED. Client: read() returns -1 with ECONNRESET.',
    );
  });
});

describe('statesVisited', () => {
  it('lists each state once, in order of first appearance', () => {
    expect(statesVisited(scenario)).toEqual(['ESTABLISHED', 'CLOSE_WAIT', 'FIN_WAIT_1', 'CLOSED']);
  });
});
