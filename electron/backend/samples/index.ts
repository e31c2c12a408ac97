// The condition lab's sample library (samples.json).
// The only entry from outside this folder (a lint rule holds it).
export { deleteSample, listSamples, saveSample } from './samples';
