import { z } from 'zod';

/**
 * Plain validation messages for every schema of the API: a form shows "Email: is required", not
 * the library's "Invalid input: expected string, received undefined".
 */
z.config({
  customError: (issue) => {
    if (issue.code === 'invalid_type') {
      if (issue.input === undefined) return 'is required';
      if (issue.input === null) return 'must not be empty';
      return `must be ${issue.expected === 'number' || issue.expected === 'int' ? 'a number' : `a ${issue.expected}`}`;
    }
    if (issue.code === 'invalid_value') {
      return `must be one of: ${issue.values.map(String).join(', ')}`;
    }
    if (issue.code === 'too_small' && issue.origin === 'string') {
      return Number(issue.minimum) === 1 ? 'is required' : `must be at least ${issue.minimum} characters`;
    }
    if (issue.code === 'too_big' && issue.origin === 'string')
      return `must be at most ${issue.maximum} characters`;
    if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
    return undefined;
  },
});
