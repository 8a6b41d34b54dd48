/**
 * The GPT-2 family offered for one-click download.
 *
 * Why checkpoints and not GGUF files: the only GPT-2 GGUF files on Hugging Face are community
 * uploads whose provenance and conversion we cannot check from here (the build machines cannot
 * reach Hugging Face), so naming one would be a guess. The official checkpoints
 * (openai-community/*, distilbert/distilgpt2) ship exactly the folder our converter reads
 * (config.json, model.safetensors, vocab.json, merges.txt); we download those and convert to
 * q8_0 ourselves, the same path the converter's tests check against PyTorch.
 *
 * No sha256 is written here for the same reason: we have not seen the files. Hugging Face sends
 * the sha256 of each LFS file (model.safetensors) in X-Linked-Etag, and the download checks it.
 *
 * Sizes are approximate (float32 safetensors; q8_0 is about 1.06 bytes per parameter plus the
 * float32 norms) and memory is the q8_0 weights plus a 1024-token context and working buffers.
 */
import type { CuratedModel } from '../../shared/schemas/models.js';

const MB = 1_000_000;

export const CHECKPOINT_FILES = [
  'config.json',
  'vocab.json',
  'merges.txt',
  'model.safetensors',
] as const;

export const curatedModels: readonly CuratedModel[] = [
  {
    id: 'distilgpt2',
    name: 'DistilGPT-2 (82M)',
    repo: 'distilbert/distilgpt2',
    parameters: 82_000_000,
    downloadBytes: 353 * MB,
    diskBytes: 95 * MB,
    ramBytes: 300 * MB,
    description: 'Smallest and fastest; a distilled GPT-2, weaker on long text.',
  },
  {
    id: 'gpt2',
    name: 'GPT-2 (124M)',
    repo: 'openai-community/gpt2',
    parameters: 124_000_000,
    downloadBytes: 548 * MB,
    diskBytes: 140 * MB,
    ramBytes: 400 * MB,
    description: 'The original small GPT-2: quick on any computer.',
  },
  {
    id: 'gpt2-medium',
    name: 'GPT-2 Medium (355M)',
    repo: 'openai-community/gpt2-medium',
    parameters: 355_000_000,
    downloadBytes: 1_520 * MB,
    diskBytes: 390 * MB,
    ramBytes: 800 * MB,
    description: 'Noticeably better text; still fine on a laptop CPU.',
  },
  {
    id: 'gpt2-large',
    name: 'GPT-2 Large (774M)',
    repo: 'openai-community/gpt2-large',
    parameters: 774_000_000,
    downloadBytes: 3_250 * MB,
    diskBytes: 840 * MB,
    ramBytes: 1_500 * MB,
    description: 'Better still; a GPU helps but is not needed.',
  },
  {
    id: 'gpt2-xl',
    name: 'GPT-2 XL (1.5B)',
    repo: 'openai-community/gpt2-xl',
    parameters: 1_558_000_000,
    downloadBytes: 6_430 * MB,
    diskBytes: 1_680 * MB,
    ramBytes: 2_800 * MB,
    description: 'The largest GPT-2; slow on a CPU, best with a GPU. Converting needs ~8 GB RAM.',
  },
];

export function findCuratedModel(id: string): CuratedModel | undefined {
  return curatedModels.find((model) => model.id === id);
}

/** The resolve URL of one file of a repository (the `main` branch) on a Hugging Face endpoint. */
export function huggingFaceFileUrl(endpoint: string, repo: string, file: string): string {
  const base = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
  const repoPath = repo.split('/').map(encodeURIComponent).join('/');
  const filePath = file.split('/').map(encodeURIComponent).join('/');
  return `${base}${repoPath}/resolve/main/${filePath}`;
}

/** `hf:owner/repo/path/file.gguf[#branch]` as a resolve URL. */
export function resolveHfReference(endpoint: string, reference: string): string {
  const body = reference.replace(/^hf:/, '');
  const [withoutBranch = '', branch = 'main'] = body.split('#');
  const [owner = '', repo = '', ...fileParts] = withoutBranch.split('/');
  const base = endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
  const filePath = fileParts.map(encodeURIComponent).join('/');
  return `${base}${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/resolve/${encodeURIComponent(branch)}/${filePath}`;
}
