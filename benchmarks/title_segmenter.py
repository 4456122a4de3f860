"""Which segmenter finds the words of a 公文 title better, and at what cost: jieba or pypinyin.

    python benchmarks/title_segmenter.py

Quality: over 500 generated titles (tests/realistic.py, seed 13), the share of occurrences of
words a 文秘 would never split (:data:`WHOLE`) that each segmenter keeps whole, i.e. with no
word boundary inside them. Cost: the time of a fresh process to import the segmenter and cut
its first title (start-up, measured in a subprocess), and per title after that. Prints figures
side by side; nothing is asserted (no wall-clock assertions in tests).
"""

from __future__ import annotations

import itertools
import random
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.realistic import realistic_title

WHOLE = (
    *("关于", "通知", "通报", "报告", "意见", "决定", "请示", "批复", "情况", "整改", "巡察"),
    *("工作", "进展", "社区", "党委", "街道", "安全", "生产", "专项", "整治", "落实", "反馈"),
    *("问题", "任务", "基层", "治理", "加强", "开展", "推进", "建设", "管理", "机制", "方案"),
    *("印发", "实施", "组织", "表彰", "调整", "防汛", "抗旱", "燃气", "改造", "重点", "完成"),
)

JIEBA_START = (
    "import jieba, logging; jieba.setLogLevel(logging.WARNING);"
    "list(jieba.Tokenizer().cut('关于巡察整改进展情况的通报', HMM=False))"
)
PYPINYIN_START = "from pypinyin.seg.mmseg import seg; list(seg.cut('关于巡察整改进展情况的通报'))"


def start_up(code: str, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        best = min(best, time.perf_counter() - start)
    return best


def kept_whole(cut: Callable[[str], list[str]], titles: list[str]) -> tuple[int, int]:
    kept = total = 0
    for title in titles:
        bounds = set(itertools.accumulate(len(w) for w in cut(title)))
        for word in WHOLE:
            at = title.find(word)
            while at >= 0:
                total += 1
                kept += not any(at < b < at + len(word) for b in bounds)
                at = title.find(word, at + 1)
    return kept, total


def main() -> None:
    import logging

    import jieba
    from pypinyin.seg.mmseg import seg

    jieba.setLogLevel(logging.WARNING)

    rng = random.Random(13)
    titles = [realistic_title(rng) for _ in range(500)]
    tokenizer = jieba.Tokenizer()
    list(tokenizer.cut("预热", HMM=False))
    cutters: dict[str, Callable[[str], list[str]]] = {
        "jieba (dictionary, no HMM)": lambda t: list(tokenizer.cut(t, HMM=False)),
        "pypinyin phrases (mmseg)": lambda t: list(seg.cut(t)),
    }
    bare = start_up("pass")
    starts = {"jieba (dictionary, no HMM)": JIEBA_START, "pypinyin phrases (mmseg)": PYPINYIN_START}
    print(f"{'segmenter':30} {'words kept whole':>18} {'start-up':>10} {'per title':>10}")
    for name, cut in cutters.items():
        kept, total = kept_whole(cut, titles)
        start = time.perf_counter()
        for title in titles:
            cut(title)
        per = (time.perf_counter() - start) / len(titles)
        boot = start_up(starts[name]) - bare
        print(f"{name:30} {kept:>6}/{total} {kept / total:6.1%} {boot:9.2f}s {per * 1e6:8.0f}µs")


if __name__ == "__main__":
    main()
