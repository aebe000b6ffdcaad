// A trained router (category classifier + unit classifier) to bytes and back: a JSON header, then the typed arrays,
// gzip-compressed (most hashed weights of rare terms stay exactly 0, so it shrinks well), cut in parts small enough
// for any server's max_allowed_packet.
import { gunzipSync, gzipSync } from 'node:zlib';
import { Analyzer } from '@hotline/server-knowledge';
import { Featurizer } from './features';
import { SoftmaxModel } from './softmax-model';

export interface Classifier {
  featurizer: Featurizer;
  model: SoftmaxModel;
}

export interface RouterModel {
  categories: Classifier;
  /** null when no order of the history had a main unit */
  units: Classifier | null;
}

interface Header {
  /**
   * 3: single characters and a fitted per-dimension scale (its array follows df when `scaled`); 2: neither, still
   * read so the model serving at an upgrade goes on serving; weights feature-major in both (1 was class-major, never
   * released beyond a day; retrain)
   */
  format: 2 | 3;
  classifiers: { name: string; bits: number; docs: number; tokenWeight: number; labels: string[]; unigrams?: boolean; scaled?: boolean }[];
}

const PART_BYTES = 4 * 1024 * 1024;

export function encodeRouter(router: RouterModel): Buffer[] {
  const named = [['categories', router.categories] as const, ...(router.units ? [['units', router.units] as const] : [])];
  const header: Header = {
    format: 3,
    classifiers: named.map(([name, c]) => ({
      name,
      bits: c.featurizer.bits,
      docs: c.featurizer.docs,
      tokenWeight: c.featurizer.tokenWeight,
      labels: [...c.model.labels],
      unigrams: c.featurizer.unigrams,
      scaled: c.featurizer.scale !== null,
    })),
  };
  const json = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  const chunks: Buffer[] = [len, json];
  for (const [, c] of named) {
    const scale = c.featurizer.scale ? [c.featurizer.scale] : [];
    for (const arr of [c.featurizer.df, ...scale, c.model.bias, c.model.weights]) chunks.push(Buffer.from(arr.buffer, arr.byteOffset, arr.byteLength));
  }
  const zipped = gzipSync(Buffer.concat(chunks), { level: 1 });
  const parts: Buffer[] = [];
  for (let i = 0; i < zipped.length; i += PART_BYTES) parts.push(zipped.subarray(i, i + PART_BYTES));
  return parts;
}

export function decodeRouter(parts: Buffer[], analyzer: Analyzer): RouterModel {
  const raw = gunzipSync(Buffer.concat(parts));
  const hlen = raw.readUInt32LE(0);
  const header = JSON.parse(raw.subarray(4, 4 + hlen).toString('utf8')) as Header;
  if (header.format !== 2 && header.format !== 3) throw new Error(`routing model format ${header.format} is not this release's (2, 3): train a new one`);
  let at = 4 + hlen;
  // copies, so that each array is aligned whatever the header's length
  const take = <T>(Ctor: { new (b: ArrayBuffer): T }, bytes: number): T => {
    const copy = new Uint8Array(bytes);
    copy.set(raw.subarray(at, at + bytes));
    at += bytes;
    return new Ctor(copy.buffer);
  };
  const out: Partial<Record<string, Classifier>> = {};
  for (const h of header.classifiers) {
    const dims = 1 << h.bits;
    const df = take(Uint32Array, dims * 4);
    const scale = h.scaled ? take(Float32Array, dims * 4) : null;
    const bias = take(Float32Array, h.labels.length * 4);
    const weights = take(Float32Array, h.labels.length * dims * 4);
    out[h.name] = {
      featurizer: new Featurizer(analyzer, h.bits, { docs: h.docs, df, tokenWeight: h.tokenWeight, unigrams: h.unigrams === true, scale }),
      model: new SoftmaxModel(h.labels, dims, weights, bias),
    };
  }
  if (!out['categories']) throw new Error('routing model without its category classifier');
  return { categories: out['categories'], units: out['units'] ?? null };
}
