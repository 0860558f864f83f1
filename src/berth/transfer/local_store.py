"""Media in a local folder: listed by walking it, written beside each name and renamed into it."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import secrets
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from berth.transfer.paths import PART_SUFFIX, UnsafeKey, checked_key, is_inside
from berth.transfer.stores import Entry, Listing, Refusal, Store

__all__ = ["LocalStore"]


class LocalStore(Store):
    def __init__(self, root: Path) -> None:
        self.root = root.absolute()
        self._checked_folders: set[str] = set()
        # The partial files that may lie in the folder: those the listing found, and those
        # written since and not renamed into place. None until a listing: any may.
        self._partials: set[Path] | None = None
        self._made_folders: set[Path] = set()
        # Folders this store made: they hold only what it wrote, so no symlink to look for.
        self._created_folders: set[Path] = set()

    def describe(self) -> str:
        return str(self.root)

    def overlaps(self, other: Store) -> bool:
        return isinstance(other, LocalStore) and (
            is_inside(self.root, other.root) or is_inside(other.root, self.root)
        )

    def listing(self) -> Listing:
        listing = Listing()
        self._partials = set()
        if not self.root.is_dir():
            return listing
        seen: set[tuple[int, int]] = set()
        self._walk(self.root, "", listing, seen)
        return listing

    def _walk(
        self, folder: Path, prefix: str, listing: Listing, seen: set[tuple[int, int]]
    ) -> None:
        status = folder.stat()
        if (status.st_dev, status.st_ino) in seen:
            return  # a symlink loop
        seen.add((status.st_dev, status.st_ino))
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                key = prefix + entry.name
                if entry.name.endswith(PART_SUFFIX):
                    if self._partials is not None and entry.is_file(follow_symlinks=False):
                        self._partials.add(Path(entry.path))
                    continue  # berth's own partial file
                if entry.is_symlink() and not is_inside(Path(entry.path), self.root):
                    listing.refused.append(Refusal(key, "is a symlink out of the source folder"))
                    continue
                try:
                    checked_key(key)
                except UnsafeKey as error:
                    listing.refused.append(Refusal(key, str(error)))
                    continue
                try:
                    if entry.is_dir():
                        self._walk(Path(entry.path), key + "/", listing, seen)
                        continue
                    info = entry.stat()
                except OSError as error:
                    listing.refused.append(Refusal(key, f"cannot be read: {error.strerror}"))
                    continue
                if stat.S_ISREG(info.st_mode):
                    listing.entries[key] = Entry(key, info.st_size, info.st_mtime)

    def path(self, key: str) -> Path:
        """Where ``key`` is read from: a symlink in the folder is followed, out of it refused."""
        path = self.root.joinpath(*checked_key(key).split("/"))
        if not self._folder_inside(key.rpartition("/")[0]):
            raise UnsafeKey("is a symlink out of the source folder")
        if path.is_symlink() and not is_inside(path, self.root):
            raise UnsafeKey("is a symlink out of the source folder")
        return path

    def target_path(self, key: str) -> Path:
        """Where ``key`` is written: never through a symlink, never out of the folder."""
        path = self.root.joinpath(*checked_key(key).split("/"))
        if not self._folder_inside(key.rpartition("/")[0]):
            raise UnsafeKey("leads out of the target folder through a symlink")
        if path.parent not in self._created_folders and path.is_symlink():
            raise UnsafeKey("would be written through a symlink")
        return path

    def _folder_inside(self, folder: str) -> bool:
        """Whether the folder ``folder`` (``a/b``, of a key) resolves inside the root.

        Each folder is looked at once, by one ``lstat``: it is inside when its parent is and
        it is no symlink (or one that resolves inside). Resolving the whole path of each file
        (realpath) cost a system call per component, each handing the GIL to another thread.
        """
        if not folder or folder in self._checked_folders:
            return True
        if not self._folder_inside(folder.rpartition("/")[0]):
            return False
        path = self.root.joinpath(*folder.split("/"))
        if path.is_symlink() and not is_inside(path, self.root):
            return False
        self._checked_folders.add(folder)
        return True

    def open_read(self, key: str) -> io.BufferedReader:
        return self.path(key).open("rb")

    def md5(self, key: str, part_size: int | None = None) -> str:
        """The file's MD5, or the ETag S3 gives an upload in parts of ``part_size``."""
        with self.open_read(key) as file:
            if not part_size:
                return hashlib.file_digest(file, _md5).hexdigest()
            digests: list[bytes] = []
            while chunk := file.read(part_size):
                digests.append(_md5(chunk).digest())
        if len(digests) <= 1:
            return digests[0].hex() if digests else _md5().hexdigest()
        return f"{_md5(b''.join(digests)).hexdigest()}-{len(digests)}"

    @contextlib.contextmanager
    def writer(
        self, key: str, resume_tag: str | None = None, mtime: float | None = None
    ) -> Iterator[tuple[IO[bytes], int]]:
        """A file to write ``key`` into and the bytes already there from an interrupted run.

        It is written as ``.NAME.TAG.berth-part`` beside its final name and renamed into place
        once complete: an interrupted transfer never leaves a partial file under the final
        name. With ``resume_tag`` (the source's ETag) the name is fixed, so that a rerun
        appends to what arrived, unless the source has changed since. ``mtime`` is set on it
        once written.
        """
        final = self.target_path(key)
        if final.parent not in self._made_folders:
            self._make_folder(final.parent)
        tag = (resume_tag or secrets.token_hex(6))[:16]
        partial = final.with_name(f".{final.name}.{tag}{PART_SUFFIX}")
        # A listing that found no partial file of that name spares a stat per file.
        resumable = resume_tag and (self._partials is None or partial in self._partials)
        have = partial.stat().st_size if resumable and partial.exists() else 0
        if self._partials is not None:
            self._partials.add(partial)  # a set's add and discard hold the GIL: thread-safe
        # Unbuffered: the bytes come in chunks already, and a buffered file's extra system
        # calls (isatty, lseek) each hand the GIL to one of a sync's other threads and back.
        file = partial.open("r+b" if have else "wb", buffering=0)
        if have:
            file.seek(have)
        try:
            yield file, have
            file.flush()
            if mtime is not None:
                # Before the rename: a file under its final name has its final mtime.
                os.utime(file.fileno(), (mtime, mtime))
            file.close()
            os.replace(partial, final)
            if self._partials is not None:
                self._partials.discard(partial)
        except BaseException:
            file.close()
            if not resume_tag:
                with contextlib.suppress(OSError):
                    partial.unlink()
                    if self._partials is not None:
                        self._partials.discard(partial)
            raise

    def _make_folder(self, folder: Path) -> None:
        """``folder`` and those missing above it; those made here are remembered as such."""
        try:
            os.mkdir(folder)
        except FileNotFoundError:
            self._make_folder(folder.parent)
            self._make_folder(folder)
            return
        except FileExistsError:
            pass  # there before, or made by another thread of this sync (which remembers it)
        else:
            self._created_folders.add(folder)
        self._made_folders.add(folder)

    def delete(self, key: str) -> None:
        path = self.target_path(key)
        path.unlink(missing_ok=True)
        # Folders left empty go too, as they would in a bucket.
        parent = path.parent
        while parent != self.root and is_inside(parent, self.root):
            try:
                parent.rmdir()
            except OSError:
                break
            parent = parent.parent

    def clear_partials(self) -> int:
        """Remove partial files an interrupted run left; return how many.

        After a listing, only those it found and those written since: walking the whole tree
        again cost a pull of 2,000 files more CPU than any other step of its own.
        """
        if self._partials is None:
            if not self.root.is_dir():
                return 0
            self._partials = {
                path
                for path in self.root.rglob(f"*{PART_SUFFIX}")
                if path.is_file() and not path.is_symlink()
            }
        removed = 0
        for path in list(self._partials):
            with contextlib.suppress(FileNotFoundError):
                path.unlink()
                removed += 1
            self._partials.discard(path)
        return removed


def _md5(data: bytes = b"") -> Any:
    return hashlib.md5(data, usedforsecurity=False)
