"""What the special formats and seals add to a paragraph: page-anchored frames, double rules,
right and centre tabs (``w:pPr`` children in schema order), and seal images anchored to the
paragraph (``wp:anchor`` drawings) with the package parts they need.

Every element is built with lxml from Clark names; no XML text is concatenated.
"""

from __future__ import annotations

import hashlib
import stat
import struct
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from gongwen import layout
from gongwen.compose import Block, SealPicture
from gongwen.findings import GongwenError
from gongwen.i18n import _
from gongwen.ooxml import (
    CONTENT_TYPES_NS,
    DRAWING_NS,
    IMAGE_REL,
    PIC_NS,
    PKG_RELS_NS,
    REL_NS,
    WP_NS,
    qn,
)
from gongwen.write._oxml import PPR, sub

__all__ = ["MAX_IMAGE_BYTES", "Pictures", "SealImageError", "decorate", "image_size"]

WP, A, PIC, R = WP_NS, DRAWING_NS, PIC_NS, REL_NS
PKG_RELS, CONTENT_TYPES = PKG_RELS_NS, CONTENT_TYPES_NS

MAX_IMAGE_BYTES = 10 * 1024 * 1024
"""A seal image larger than this is refused: a 42 mm seal at 600 dpi is under 1 MB."""

# CT_PPr's children in schema order (ECMA-376 §17.3.1.26), for inserting where they belong.
_PPR_ORDER = (
    "pStyle",
    "keepNext",
    "keepLines",
    "pageBreakBefore",
    "framePr",
    "widowControl",
    "numPr",
    "suppressLineNumbers",
    "pBdr",
    "shd",
    "tabs",
    "suppressAutoHyphens",
    "kinsoku",
    "wordWrap",
    "overflowPunct",
    "topLinePunct",
    "autoSpaceDE",
    "autoSpaceDN",
    "bidi",
    "adjustRightInd",
    "snapToGrid",
    "spacing",
    "ind",
    "contextualSpacing",
    "mirrorIndents",
    "suppressOverlap",
    "jc",
    "textDirection",
    "textAlignment",
    "textboxTightWrap",
    "outlineLvl",
    "divId",
    "cnfStyle",
    "rPr",
    "sectPr",
    "pPrChange",
)


class SealImageError(GongwenError):
    """A seal image cannot be used: missing, not a PNG or JPEG, too large, or too tall."""


def _insert(ppr: etree._Element, tag: str) -> etree._Element:
    """A new ``w:`` child of ``w:pPr`` at its place in the schema's order."""
    rank = _PPR_ORDER.index(tag)
    element = etree.Element(qn(f"w:{tag}"))
    for index, child in enumerate(ppr):
        local = etree.QName(child).localname
        if local in _PPR_ORDER and _PPR_ORDER.index(local) > rank:
            ppr.insert(index, element)
            return element
    ppr.append(element)
    return element


def _set(element: etree._Element, **attrs: str) -> None:
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)


def decorate(p: etree._Element, block: Block) -> None:
    """Add a block's frame, rule and tab stops to its paragraph ``p``."""
    if not (block.frame or block.rule or block.right_tab_twips or block.center_tabs_twips):
        return
    ppr = p.find(PPR)
    if ppr is None:
        ppr = etree.Element(PPR)
        p.insert(0, ppr)
    if block.frame is not None:
        frame = _insert(ppr, "framePr")
        _set(
            frame,
            w=str(block.frame.width_twips),
            hAnchor="page",
            vAnchor="page",
            xAlign="center",
            y=str(block.frame.top_twips),
            hRule="auto",
            wrap="through",
        )
    if block.rule is not None:
        rule = block.rule
        borders = _insert(ppr, "pBdr")
        sub(
            borders,
            f"w:{rule.side}",
            val=rule.style,
            sz=str(rule.eighths),
            space="0",
            color=rule.color,
        )
    stops = [("right", block.right_tab_twips)] if block.right_tab_twips else []
    stops += [("center", t) for t in block.center_tabs_twips]
    if stops:
        tabs = _insert(ppr, "tabs")
        for kind, position in stops:
            sub(tabs, "w:tab", val=kind, pos=str(position))


# CT_SectPr's children after the footer references, in schema order (ECMA-376 §17.6.17).
_SECTPR_AFTER_TITLE_PG = ("textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings")


def first_page_without_footer(section: etree._Element) -> None:
    """Give the section a first page of its own (``w:titlePg``) with no footer reference: Word
    and LibreOffice print that page without the page number."""
    if section.find(qn("w:titlePg")) is not None:
        return
    title_page = etree.Element(qn("w:titlePg"))
    for child in section:
        if etree.QName(child).localname in _SECTPR_AFTER_TITLE_PG:
            child.addprevious(title_page)
            return
    section.append(title_page)


def image_size(data: bytes) -> tuple[int, int]:
    """Width and height in pixels of a PNG or JPEG; ``ValueError`` for anything else.

    >>> png = b"\\x89PNG\\r\\n\\x1a\\n" + b"\\0\\0\\0\\rIHDR" + (300).to_bytes(4, "big") * 2
    >>> image_size(png)
    (300, 300)
    """
    if data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR":
        width, height = struct.unpack(">II", data[16:24])
        return width, height
    if data[:2] == b"\xff\xd8":
        at = 2
        while at + 9 < len(data):
            if data[at] != 0xFF:
                break
            marker = data[at + 1]
            length = int.from_bytes(data[at + 2 : at + 4], "big")
            if marker in (0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD):
                height, width = struct.unpack(">HH", data[at + 5 : at + 9])
                return width, height
            at += 2 + length
    raise ValueError(_("不是 PNG 或 JPEG 图片"))


def _read_image(path: Path) -> bytes:
    try:
        info = path.stat()
    except OSError as exc:
        raise SealImageError(
            _("{path}：印章图片无法读取：{reason}").format(path=path, reason=exc.strerror)
        ) from None
    if not stat.S_ISREG(info.st_mode):
        raise SealImageError(_("{path}：印章图片不是普通文件").format(path=path))
    if info.st_size > MAX_IMAGE_BYTES:
        raise SealImageError(
            _("{path}：印章图片过大：{size} 字节，上限 {limit} 字节").format(
                path=path, size=info.st_size, limit=MAX_IMAGE_BYTES
            )
        )
    with path.open("rb") as handle:
        data = handle.read(MAX_IMAGE_BYTES + 1)
    return data


@dataclass
class Pictures:
    """The seal images of one document: their drawings, media parts and relationships."""

    media: dict[str, tuple[str, str, bytes]] = field(default_factory=dict)
    """sha256 → (relationship id, part name, bytes)."""
    next_id: int = 1

    def anchor(self, p: etree._Element, seal: SealPicture) -> None:
        """Anchor ``seal`` to paragraph ``p`` (in front of the text, no wrapping)."""
        data = _read_image(seal.image)
        try:
            width_px, height_px = image_size(data)
        except ValueError:
            raise SealImageError(
                _("{path}：印章图片须为 PNG 或 JPEG").format(path=seal.image)
            ) from None
        if not (width_px and height_px):
            raise SealImageError(_("{path}：印章图片没有尺寸").format(path=seal.image))
        height = round(seal.width_twips * height_px / width_px)
        top = seal.centre_y_twips - height // 2
        if -top > seal.room_above_twips:
            mm = layout.twips_to_mm(height)
            raise SealImageError(
                _(
                    "{path}：印章高 {mm} mm，会压住上方正文（GB/T 9704 第 7.3.5.1 条：印章顶端"
                    "应在正文之下一行之内）；请减小 width_mm，或用高不大于宽的图片"
                ).format(path=seal.image, mm=f"{mm:.0f}")
            )
        rid, name = self._part(data, seal.image.suffix.lower())
        number = self.next_id
        self.next_id += 1
        run = sub(p, "w:r")
        drawing = sub(run, "w:drawing")
        _anchor(drawing, rid, name, number, seal, height, top)

    def _part(self, data: bytes, suffix: str) -> tuple[str, str]:
        digest = hashlib.sha256(data).hexdigest()
        if digest not in self.media:
            index = len(self.media) + 1
            extension = "png" if data[:4] == b"\x89PNG" else "jpeg"
            self.media[digest] = (
                f"rIdGwSeal{index}",
                f"media/gongwen-seal-{index}.{extension}",
                data,
            )
        rid, name, _data = self.media[digest]
        return rid, name

    def relationships(self, rels: bytes) -> bytes:
        """The document's relationships part with the images' added."""
        root = etree.fromstring(rels)
        for rid, name, _data in self.media.values():
            etree.SubElement(
                root, f"{{{PKG_RELS}}}Relationship", Id=rid, Type=IMAGE_REL, Target=name
            )
        return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))

    def content_types(self, types: bytes) -> bytes:
        """``[Content_Types].xml`` declaring the images' extensions."""
        root = etree.fromstring(types)
        have = {d.get("Extension", "").lower() for d in root.iter(f"{{{CONTENT_TYPES}}}Default")}
        for _rid, name, _data in self.media.values():
            extension = name.rsplit(".", 1)[1]
            if extension not in have:
                first_override = root.find(f"{{{CONTENT_TYPES}}}Override")
                default = etree.Element(
                    f"{{{CONTENT_TYPES}}}Default",
                    Extension=extension,
                    ContentType=f"image/{extension}",
                )
                if first_override is not None:
                    first_override.addprevious(default)
                else:
                    root.append(default)
                have.add(extension)
        return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))

    def parts(self) -> list[tuple[str, bytes]]:
        """The media parts, ``word/media/…``."""
        return [(f"word/{name}", data) for _rid, name, data in self.media.values()]


def _anchor(
    drawing: etree._Element,
    rid: str,
    name: str,
    number: int,
    seal: SealPicture,
    height: int,
    top: int,
) -> None:
    cx, cy = layout.twips_to_emu(seal.width_twips), layout.twips_to_emu(height)
    left = seal.centre_x_twips - seal.width_twips // 2
    anchor = etree.SubElement(
        drawing,
        f"{{{WP}}}anchor",
        distT="0",
        distB="0",
        distL="0",
        distR="0",
        simplePos="0",
        relativeHeight=str(251659264 + number),
        behindDoc="0",
        locked="1",
        layoutInCell="1",
        allowOverlap="1",
        nsmap={"wp": WP, "a": A, "pic": PIC, "r": R},
    )
    etree.SubElement(anchor, f"{{{WP}}}simplePos", x="0", y="0")
    horizontal = etree.SubElement(anchor, f"{{{WP}}}positionH", relativeFrom="margin")
    etree.SubElement(horizontal, f"{{{WP}}}posOffset").text = str(layout.twips_to_emu(left))
    vertical = etree.SubElement(anchor, f"{{{WP}}}positionV", relativeFrom="paragraph")
    etree.SubElement(vertical, f"{{{WP}}}posOffset").text = str(layout.twips_to_emu(top))
    etree.SubElement(anchor, f"{{{WP}}}extent", cx=str(cx), cy=str(cy))
    etree.SubElement(anchor, f"{{{WP}}}effectExtent", l="0", t="0", r="0", b="0")
    etree.SubElement(anchor, f"{{{WP}}}wrapNone")
    etree.SubElement(anchor, f"{{{WP}}}docPr", id=str(number), name=f"印章 {number}")
    frame = etree.SubElement(anchor, f"{{{WP}}}cNvGraphicFramePr")
    etree.SubElement(frame, f"{{{A}}}graphicFrameLocks", noChangeAspect="1")
    graphic = etree.SubElement(anchor, f"{{{A}}}graphic")
    data = etree.SubElement(graphic, f"{{{A}}}graphicData", uri=PIC)
    pic = etree.SubElement(data, f"{{{PIC}}}pic")
    nv = etree.SubElement(pic, f"{{{PIC}}}nvPicPr")
    etree.SubElement(nv, f"{{{PIC}}}cNvPr", id=str(number), name=Path(name).name)
    etree.SubElement(nv, f"{{{PIC}}}cNvPicPr")
    fill = etree.SubElement(pic, f"{{{PIC}}}blipFill")
    etree.SubElement(fill, f"{{{A}}}blip", {f"{{{R}}}embed": rid})
    stretch = etree.SubElement(fill, f"{{{A}}}stretch")
    etree.SubElement(stretch, f"{{{A}}}fillRect")
    shape = etree.SubElement(pic, f"{{{PIC}}}spPr")
    xfrm = etree.SubElement(shape, f"{{{A}}}xfrm")
    etree.SubElement(xfrm, f"{{{A}}}off", x="0", y="0")
    etree.SubElement(xfrm, f"{{{A}}}ext", cx=str(cx), cy=str(cy))
    geometry = etree.SubElement(shape, f"{{{A}}}prstGeom", prst="rect")
    etree.SubElement(geometry, f"{{{A}}}avLst")
