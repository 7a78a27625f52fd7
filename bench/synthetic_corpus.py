#!/usr/bin/env python3
"""A Portuguese-like corpus of any size for the scale benchmark (bench/scale.sh).

Made from Pena's bundled sample (corpora/amostra, written for Pena): its sentences are cut out
and drawn at random (seeded) into paragraphs of 2 to 8 sentences, paragraphs into files of
about --file-mb MB. The letters, words and punctuation are the sample's, so characters and
words have real Portuguese statistics; the order of sentences is new, so a model cannot learn
the file by heart. Nothing of it is committed: the benchmark writes it under bench/results/.
"""
import argparse
import os
import random
import re


def sentences(folder):
    out = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            with open(os.path.join(folder, name), encoding="utf-8") as f:
                text = f.read()
            for paragraph in re.split(r"\n\s*\n", text):
                flat = " ".join(paragraph.split())
                out.extend(s for s in re.split(r"(?<=[.!?…])\s+", flat) if len(s) > 20)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, required=True, help="total size in MB (10^6 bytes)")
    parser.add_argument("--out", required=True, help="folder to write the .txt files into")
    parser.add_argument("--file-mb", type=float, default=1.0, help="size of each file in MB (default 1)")
    parser.add_argument("--sample", default="corpora/amostra", help="the sentences' source")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    pool = sentences(args.sample)
    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    total = int(args.size_mb * 1e6)
    per_file = int(args.file_mb * 1e6)
    written = 0
    index = 0
    while written < total:
        target = min(per_file, total - written)
        parts = []
        size = 0
        while size < target:
            paragraph = " ".join(rng.choices(pool, k=rng.randint(2, 8))) + "\n\n"
            parts.append(paragraph)
            size += len(paragraph.encode("utf-8"))
        data = "".join(parts).encode("utf-8")
        with open(os.path.join(args.out, "parte-%05d.txt" % index), "wb") as f:
            f.write(data)
        written += len(data)
        index += 1
    print("wrote %d files, %.1f MB, from %d sentences of %s" % (index, written / 1e6, len(pool), args.sample))


if __name__ == "__main__":
    main()
