"""Which files a directory walk passes over by their name: those whose extension says they are
something other than an article (source code, documents, images, archives...).

The format of every file that is read comes from its content, never from its name; a name is
only used to leave out, when a folder is walked, files that are plainly not articles (a
project's ``README.md``, a ``make_corpus.py`` next to the corpus it makes, photos). A file
named on the command line is always read, whatever its name. Extensions not listed here are
read by content: the article types (``.txt``, ``.html``, ``.xml``, ``.rss``, ``.jsonl``,
``.warc``...), pages saved under a server's extension (``.php``, ``.aspx``, ``.shtml``) and
any extension this list does not know. ``.gz`` is looked through: ``notes.md.gz`` is Markdown.
"""

from __future__ import annotations

__all__ = ["NOT_ARTICLE_EXTENSIONS", "is_not_article_name"]

_KINDS: dict[str, str] = {
    "source code and scripts": (
        "py pyc pyo pyi pyx pxd ipynb js mjs cjs ts tsx jsx java class jar kt kts scala groovy"
        " c h cc cpp cxx hh hpp cs go rs rb pl pm lua r swift dart hs ml ex exs erl clj"
        " sh bash zsh fish ps1 psm1 bat cmd vbs sql css scss sass less vue svelte"
    ),
    "documentation and markup": "md markdown rst adoc asciidoc org tex bib pod man",
    "configuration, data and logs": (
        "csv tsv yaml yml toml ini cfg conf env lock log properties parquet arrow avro feather"
        " pkl pickle npy npz h5 hdf5 db sqlite sqlite3 db-wal db-shm db-journal map"
        " diff patch pem crt key sig"
    ),
    "images": "png jpg jpeg gif webp svg bmp tif tiff ico heic heif avif psd eps raw",
    "audio and video": "mp3 wav ogg oga flac m4a aac opus mp4 m4v mov avi mkv webm wmv flv",
    "PDF and office documents": (
        "pdf doc docx odt xls xlsx ods ppt pptx odp rtf epub pages numbers"
    ),
    "archives other than gzip": (
        "zip tar tgz tbz tbz2 txz bz2 xz zst lz lzma 7z rar cab iso dmg deb rpm whl"
    ),
    "fonts and binaries": "ttf otf woff woff2 eot exe dll so dylib o a bin wasm",
}

NOT_ARTICLE_EXTENSIONS: frozenset[str] = frozenset(
    f".{ext}" for extensions in _KINDS.values() for ext in extensions.split()
)
"""Extensions (lower case, with the dot) of the files a directory walk leaves out."""


def is_not_article_name(name: str) -> bool:
    """True when a file's name says it is not an article (looking through ``.gz``).

    >>> is_not_article_name("make_corpus.py"), is_not_article_name("PLANTED.md")
    (True, True)
    >>> is_not_article_name("notes.md.gz"), is_not_article_name("crawl.warc.gz")
    (True, False)
    >>> is_not_article_name("story"), is_not_article_name("Reuters 03.08.2021")
    (False, False)
    >>> is_not_article_name("index.php"), is_not_article_name("bridge.HTML")
    (False, False)
    """
    lowered = name.lower().removesuffix(".gz")
    dot = lowered.rfind(".")
    return dot > 0 and lowered[dot:] in NOT_ARTICLE_EXTENSIONS
