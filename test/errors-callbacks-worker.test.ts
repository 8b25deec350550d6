// Errors of Python callbacks in worker scripts (see errors-callbacks.ts).
import { callbackErrorTests } from './errors-callbacks.js';

callbackErrorTests(true);
