// Errors of Python callbacks on the main thread (see errors-callbacks.ts).
import { callbackErrorTests } from './errors-callbacks.js';

callbackErrorTests(false);
