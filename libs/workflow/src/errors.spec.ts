import { WORKFLOW_ERROR_CODES, workflowError } from '@kasian/workflow';

describe('workflow errors', () => {
  it('give every code a category and a message in English and Thai', () => {
    for (const code of WORKFLOW_ERROR_CODES) {
      const e = workflowError(code);
      expect(['conflict', 'forbidden', 'invalid']).toContain(e.category);
      expect(e.message).toMatch(/^[A-Z].*\.$/);
      expect(e.messageTh).toMatch(/[\u0E00-\u0E7F]/);
      expect(e).not.toHaveProperty('details');
    }
  });

  it('carry details only when given', () => {
    expect(workflowError('NOT_YOUR_TURN', { step: 'palad' })).toEqual({
      code: 'NOT_YOUR_TURN',
      category: 'conflict',
      message: 'It is not your turn at this document.',
      messageTh: 'ยังไม่ถึงขั้นตอนของท่าน',
      details: { step: 'palad' },
    });
  });
});
