"""The one recogniser: what a line of a notice is, and what damage a scrape left in it.

The reader (:mod:`gongwen.read`) and the checker (:mod:`gongwen.check`) both ask this package;
neither carries a classifier or a damage detector of its own (a test over the source enforces
it for the checker). It sits below both, above :mod:`gongwen.numbering` and :mod:`gongwen.dates`.

* :mod:`~gongwen.recognise.lines` — :func:`classify`: the kind of one line;
* :mod:`~gongwen.recognise.chrome` — page chrome;
* :mod:`~gongwen.recognise.headings` — heading ordinals, whole or damaged, run-in headings;
* :mod:`~gongwen.recognise.labels` — labels (整改情况, 完成情况, 整改时限, 责任单位), measures;
* :mod:`~gongwen.recognise.contact`, :mod:`~gongwen.recognise.tail` — contact, 署名, 成文日期,
  附件说明;
* :mod:`~gongwen.recognise.sentences` — sentence ends, and whether a text is a sentence;
* :mod:`~gongwen.recognise.damage` — the damage detectors and the repairs that are certain.
"""

__all__: list[str] = []  # a package of modules: import from them
