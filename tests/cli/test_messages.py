"""The command speaks one language at a time: Chinese by default, English with ``--lang en``.

Every ``--help`` is read in both languages: the Chinese keeps no English word but the ones
listed here (names of things, values a user types), the English no Chinese but the 公文 terms
listed here. A batch run's lines and its manifest's messages are read in both languages too.
"""

from __future__ import annotations

import errno
import json
import re
import shutil
from pathlib import Path

import pytest

from gongwen.cli import build_parser, main
from gongwen.i18n import use_language
from gongwen.oserror import REASONS, os_error_line
from tests.conftest import EXAMPLES

SUBCOMMANDS = sorted(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]

ENGLISH_KEPT_IN_CHINESE = frozenset(
    {
        # names of programs, formats, standards and products
        "gongwen",
        "soffice",
        "LibreOffice",
        "GB",  # GB/T 9704
        "GB18030",
        "GBK",
        "UTF-8",
        "YAML",
        "JSON",
        "Schema",  # JSON Schema
        "TOML",
        "Markdown",
        "XML",
        "DTD",
        "PDF",
        "PNG",
        "CSV",
        "Word",
        "WPS",
        # the subcommands, named in other commands' help, and the actions of `gongwen worker`
        *SUBCOMMANDS,
        "status",
        "stop",
        "start",
        "serve",
        "Ctrl-C",
        # values a user types: choices, defaults, a configuration key
        "zh",
        "en",
        "text",
        "json",
        "info",
        "warning",
        "error",
        "pinyin",
        "hanzi",
        "fail-level",
    }
)
"""English words a Chinese ``--help`` may hold, besides option names (``--strict``), metavars
in capitals (``OUTDIR``), choices in braces, codes (``GW911``) and file names (``.docx``)."""

CHINESE_KEPT_IN_ENGLISH = (
    "公文",  # in parentheses after "Chinese official documents"
    "已完成",  # the statuses, values a user types
    "正在推进",
    "长期坚持",
    "一、",  # ordinals as typed in a text, the examples of --keep-typed-ordinals
    "问题1：",
    "一是",
)
"""Chinese an English ``--help`` may hold: the 公文 terms a user types or sees in a notice."""

CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”]")


def _help(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    with pytest.raises(SystemExit) as stop:
        main([*args, "--help"])
    assert stop.value.code == 0
    return capsys.readouterr().out


def _english_words(text: str) -> set[str]:
    """The words of ``text`` not allowed for by :data:`ENGLISH_KEPT_IN_CHINESE`'s rules."""
    text = re.sub(r"\{[^}]*\}", " ", text)  # choices: {pinyin,hanzi}
    text = re.sub(r"(?<![\w-])--?[A-Za-z][\w-]*", " ", text)  # options: -o, --in-place, -pages
    text = re.sub(r"\$?\b[A-Z][A-Z0-9_]*\b", " ", text)  # metavars, $GONGWEN_SOFFICE, PATH
    text = re.sub(r"\b[A-Z]{2}\d+\b", " ", text)  # codes: GW911
    text = re.sub(r"[\w./-]*\.[a-z]+\b", " ", text)  # files: .docx, docs/batch.md, manifest.json
    words = set(re.findall(r"[A-Za-z][A-Za-z0-9-]*", text))
    return {w for w in words if w not in ENGLISH_KEPT_IN_CHINESE and w.rstrip("-") != "GB"}


@pytest.mark.parametrize("sub", ["", *SUBCOMMANDS])
def test_chinese_help_has_no_english_words_left(
    sub: str, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _help(capsys, *([sub] if sub else []))
    assert "用法：" in text and CJK.search(text.split("\n\n", 1)[1])
    assert _english_words(text) == set(), text


@pytest.mark.parametrize("sub", ["", *SUBCOMMANDS])
def test_english_help_has_no_chinese_left(sub: str, capsys: pytest.CaptureFixture[str]) -> None:
    text = _help(capsys, "--lang", "en", *([sub] if sub else []))
    assert text.startswith("usage: ")
    left = re.sub(rf"(?<={CJK.pattern})\s+(?={CJK.pattern})", "", text)  # a term wrapped
    for kept in CHINESE_KEPT_IN_ENGLISH:
        left = left.replace(kept, "")
    assert CJK.findall(left) == [], text


def test_the_lint_of_english_words_sees_them() -> None:
    """The rules above leave real words to fail on (so an untranslated help would fail)."""
    assert _english_words("输出 the folder（默认 text）") == {"the", "folder"}
    assert _english_words("-o OUTDIR, --output OUTDIR  见 docs/batch.md、GW911") == set()


def _batch(tmp_path: Path) -> Path:
    """The example batch with one community naming a value that is not defined (BA001)."""
    folder = tmp_path / "batch"
    shutil.copytree(EXAMPLES / "batch", folder)
    path = folder / "communities.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("由{secretary}带队", "由{secretry}带队"), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "zh",
            [
                r"已生成   jianxin-shequ\.docx +建新社区：\d+个一级标题，\d+个二级标题，"
                r"\d+个问题，\d+条整改措施，\d+个附件",
                r"失败     erqi-shequ\.docx +二七社区",
                r".*: 错误 BA001: 未知的名字“\{secretry\}”（已有：.*secretary.*）；"
                r"请在 values: 下定义",
                r".*out 中共 5 份报告：已生成 4，未改动 0，失败 1；清单 .*manifest\.json",
            ],
        ),
        (
            "en",
            [
                r"written  jianxin-shequ\.docx +建新社区: \d+ top-level sections?, "
                r"\d+ subsections?, \d+ problems?, \d+ measures?, \d+ attachments?",
                r"failed   erqi-shequ\.docx +二七社区",
                r".*: error BA001: unknown name “\{secretry\}” \(known: .*secretary.*\); "
                r"define it under values:",
                r"5 reports in .*out: 4 written, 0 skipped, 1 failed; manifest .*manifest\.json",
            ],
        ),
    ],
)
def test_a_batch_reports_in_the_language_asked(
    lang: str, expected: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    args = ["--lang", lang, "batch", str(_batch(tmp_path)), "-o", str(out), "-j", "1"]
    assert main([*args, "--no-check"]) == 1
    lines = capsys.readouterr().out.splitlines()
    for pattern in expected:
        assert any(re.fullmatch(pattern, line) for line in lines), (pattern, lines)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    (failed,) = [r for r in manifest["reports"] if r["status"] == "failed"]
    assert failed["status"] == "failed"  # the manifest's keys and values are not translated
    (error,) = failed["errors"]
    assert error["code"] == "BA001" and error["level"] == "error"
    assert re.fullmatch(expected[2].split(" BA001: ")[1], error["message"])
    # a second run says in the same language that nothing changed
    assert main([*args, "--no-check"]) == 1
    summary = capsys.readouterr().out.splitlines()[-1]
    assert ("未改动 4" if lang == "zh" else "4 skipped") in summary


def test_an_os_error_is_told_in_the_language_asked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notice = EXAMPLES / "minimal.yaml"
    target = tmp_path / "no-such-folder" / "n.docx"
    assert main(["render", str(notice), "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("gongwen: ") and "文件或文件夹不存在" in err
    assert "No such file" not in err
    assert main(["--lang", "en", "render", str(notice), "-o", str(target)]) == 2
    assert "no such file or folder" in capsys.readouterr().err
    assert not target.parent.exists()


@pytest.mark.parametrize("code", sorted(REASONS))
def test_every_common_os_error_has_both_forms(code: int) -> None:
    chinese = os_error_line(OSError(code, "system words", "f"))
    with use_language("en"):
        english = os_error_line(OSError(code, "system words", "f"))
    assert chinese.startswith("f: ") and CJK.search(chinese)
    assert english.startswith("f: ") and not CJK.search(english)
    assert "system words" not in chinese + english
    assert errno.errorcode[code]  # a real errno
