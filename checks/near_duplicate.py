"""near-duplicate: clusters of near-identical articles in a corpus audit.

A corpus-scope check: each document contributes a MinHash signature of its
character 5-gram shingles (computed in the worker, with the other checks), and
the audit groups documents whose signatures collide in any LSH band.  One
representative per cluster is kept; the others get a finding.
"""
from __future__ import annotations

import hashlib
import re
import struct
from typing import Iterable

from linter.check import Check, Example, Option

_MERSENNE = (1 << 61) - 1
_WS = re.compile(r"\s+")


def _perm_params(num_perm: int, seed: int = 1):
    import numpy as np

    rng = np.random.RandomState(seed)
    a = rng.randint(1, _MERSENNE, size=num_perm, dtype=np.uint64)
    b = rng.randint(0, _MERSENNE, size=num_perm, dtype=np.uint64)
    return a, b


def _shingle_hashes(norm: str, k: int):
    """Distinct 64-bit hashes of the character k-grams of ``norm``, vectorised: a
    polynomial hash over the code points (wrapping uint64 arithmetic), deterministic
    across processes, unlike Python's salted ``hash``."""
    import numpy as np

    cps = np.frombuffer(norm.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    n = len(cps) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    mult = np.uint64(1_000_003)
    for j in range(k):
        h = h * mult + cps[j:j + n] + np.uint64(j + 1)
    # final avalanche (splitmix64) so that nearby k-grams spread over the whole range
    h ^= h >> np.uint64(30)
    h *= np.uint64(0xBF58476D1CE4E5B9)
    h ^= h >> np.uint64(27)
    h *= np.uint64(0x94D049BB133111EB)
    h ^= h >> np.uint64(31)
    return np.unique(h) & np.uint64(_MERSENNE)


class NearDuplicate(Check):
    id = "near-duplicate"
    summary = "语料中近似重复的文章（同一篇文章的多个转载或改写版本）"
    summary_en = "Near-identical articles in a corpus (copies or light rewrites of one article)"
    rationale = ("内容农场把同一篇文章稍加改动后反复发布；审计时应只保留一个代表版本，其余视为重复。"
                 "以字符 5-gram 的 MinHash + LSH 分桶发现相似度约 0.8 以上的文章簇。")
    rationale_en = ("Content farms republish one article with small edits; an audit keeps one representative and "
                    "marks the rest. MinHash over character 5-gram shingles with LSH banding finds clusters of "
                    "articles with Jaccard similarity above about 0.8.")
    examples = (Example(bad="a.txt 与 b.txt 只差标题和几个同义词", good="只保留 a.txt，b.txt 标记为近似重复"),)
    default_severity = "warning"
    scope = "corpus"
    options = {
        "shingle": Option(5, "character n-gram size of the shingles"),
        "bands": Option(8, "LSH bands (more bands: lower similarity threshold)"),
        "rows": Option(8, "rows per band"),
        "min-chars": Option(200, "shorter documents are not compared"),
    }
    messages = {
        "dup": {"zh": "与 {rep} 近似重复（同簇共 {size} 篇），建议只保留一篇",
                "en": "near-duplicate of {rep} ({size} articles in the cluster); keep one"},
    }

    def __init__(self, **opts) -> None:
        super().__init__(**opts)
        self.num_perm = self.opts["bands"] * self.opts["rows"]
        self._params = None  # numpy is imported only when an audit needs signatures

    def run(self, doc) -> Iterable:
        return ()  # corpus scope: see band_hashes() and clusters()

    def band_hashes(self, text: str) -> list[int] | None:
        """The document's LSH band keys (one 64-bit int per band), or None when too short."""
        import numpy as np

        if self._params is None:
            self._params = _perm_params(self.num_perm)
        a, b = self._params
        norm = _WS.sub("", text)
        k = self.opts["shingle"]
        if len(norm) < max(self.opts["min-chars"], k):
            return None
        hv = _shingle_hashes(norm, k)
        # (a*h + b) mod p on uint64 wraps; fold with a cheap mix instead of exact modular arithmetic
        sig = ((hv[None, :] * a[:, None] + b[:, None]) >> np.uint64(3)).min(axis=1)
        rows = self.opts["rows"]
        out = []
        for band in range(self.opts["bands"]):
            chunk = sig[band * rows:(band + 1) * rows].tobytes()
            out.append(struct.unpack("<q", hashlib.blake2b(bytes([band]) + chunk, digest_size=8).digest())[0])
        return out

    @staticmethod
    def clusters(keys, doc_index, n_docs: int):
        """Union documents sharing any band key.  ``keys``/``doc_index`` are parallel
        arrays (one row per document band).  Returns the representative (lowest
        index) of each document's cluster; memory O(rows)."""
        import numpy as np

        parent = np.arange(n_docs, dtype=np.int64)

        def find(x: int) -> int:
            root = x
            while parent[root] != root:
                root = parent[root]
            while parent[x] != root:
                parent[x], x = root, parent[x]
            return root

        order = np.lexsort((doc_index, keys))
        k_sorted, d_sorted = keys[order], doc_index[order]
        same = np.nonzero(k_sorted[1:] == k_sorted[:-1])[0]
        for i in same:
            a, b = find(int(d_sorted[i])), find(int(d_sorted[i + 1]))
            if a != b:
                parent[max(a, b)] = min(a, b)
        return np.array([find(i) for i in range(n_docs)], dtype=np.int64)
