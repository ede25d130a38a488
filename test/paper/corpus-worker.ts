// A worker thread of the corpus test: makes and reads photos `first`, `first + step`, … of the corpus
// from the rendered page it is given, and posts their results back.
import { parentPort, workerData } from 'node:worker_threads';
import type { PaperPage } from '../../src/shared/paper/layout.ts';
import { readPhoto } from './corpus.ts';
import type { Image } from './marking.ts';

const { rendered, page, first, step, photos } = workerData as {
  rendered: Image;
  page: PaperPage;
  first: number;
  step: number;
  photos: number;
};
const results = [];
for (let photo = first; photo < photos; photo += step) results.push(readPhoto(rendered, page, photo));
parentPort!.postMessage(results);
