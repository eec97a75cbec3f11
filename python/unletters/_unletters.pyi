"""Type stubs of the Rust extension behind `unletters` (see `__init__.py` for the public API)."""

from typing import Iterator, List, Optional, Tuple

# (path, data, name): a file to read, or bytes in memory, and the name errors give it.
_Input = Tuple[Optional[str], Optional[bytes], str]
_Warning = Tuple[Optional[int], Optional[int], str]

__version__: str

def read(input: _Input, format: Optional[str] = None, symbol: Optional[str] = None) -> Tuple[str, List[_Warning]]: ...
def convert(
    input: _Input, to: str, format: Optional[str] = None, symbol: Optional[str] = None
) -> Tuple[str, List[_Warning]]: ...
def validate(input: _Input, allow: List[str], format: Optional[str] = None, schema_only: bool = False) -> List[str]: ...
def diff(old: _Input, new: _Input, force: bool = False) -> str: ...
def tables(inputs: List[_Input], jobs: Optional[int] = None) -> Tuple[str, str, str]: ...
def rules() -> List[Tuple[str, str]]: ...

class ReadMany(Iterator[Tuple[int, Optional[str], List[_Warning], Optional[BaseException]]]):
    def __init__(
        self,
        inputs: List[_Input],
        jobs: Optional[int] = None,
        format: Optional[str] = None,
        symbol: Optional[str] = None,
    ) -> None: ...
    def __iter__(self) -> "ReadMany": ...
    def __next__(self) -> Tuple[int, Optional[str], List[_Warning], Optional[BaseException]]: ...

class Symbol:
    """A UN document symbol, parsed and normalised: one symbol or a joint symbol, whose symbols
    are its ``parts``. Attributes of one symbol (``body``, ``series``, ``organ``, ``base``,
    ``suffixes``, ``qualifier``, ``reissued``) raise ``ValueError`` on a joint symbol: ask each
    of its parts."""

    @staticmethod
    def parse(text: str) -> "Symbol":
        """Parse a symbol (`S/2025/71/Rev.1`, `A/79/843*`) or a joint symbol
        (`A/79/729-S/2025/40`); `ValueError` for anything else."""
    @staticmethod
    def parse_joint(text: str) -> List["Symbol"]:
        """Parse a symbol that may be joint into its symbols (`Symbol.parse(text).parts`)."""
    @property
    def parts(self) -> List["Symbol"]:
        """Each symbol of a joint symbol in printed order; a single symbol is its one part."""
    @property
    def joint(self) -> bool:
        """Whether this is a joint symbol (two or more parts)."""
    @property
    def text(self) -> str:
        """The normal form without reissue stars (`A/79/729-S/2025/40`)."""
    @property
    def organs(self) -> List[str]:
        """The principal organs the parts stand for, in order, each once."""
    @property
    def reissued(self) -> bool:
        """Whether the symbol carries a reissue star."""
    @property
    def body(self) -> str:
        """The issuing body's letters (`A`, `S`, `E`)."""
    @property
    def series(self) -> str:
        """The series with its final slash (`A/`, `A/HRC/`)."""
    @property
    def organ(self) -> Optional[str]:
        """The principal organ of the body letter (`General Assembly`), when it is one."""
    @property
    def base(self) -> str:
        """The base symbol: no suffix chain, no star."""
    @property
    def suffixes(self) -> List[Tuple[str, int]]:
        """The suffix chain as `(kind, number)` pairs (`[("Add", 1), ("Rev", 1)]`)."""
    @property
    def qualifier(self) -> Optional[str]:
        """The qualifier without parentheses (`Sect. 24`)."""
    @property
    def file_stem(self) -> str:
        """A file-name stem (`A_80_6_Sect.24_Corr.1`, `A_79_729-S_2025_40`)."""
    def __len__(self) -> int: ...
    def same_base(self, other: "Symbol") -> bool: ...
    def derives_from(self, other: "Symbol") -> bool: ...
    def __eq__(self, other: object) -> bool: ...
    def __lt__(self, other: "Symbol") -> bool: ...
    def __le__(self, other: "Symbol") -> bool: ...
    def __gt__(self, other: "Symbol") -> bool: ...
    def __ge__(self, other: "Symbol") -> bool: ...
    def __hash__(self) -> int: ...
