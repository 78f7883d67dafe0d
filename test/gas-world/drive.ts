/**
 * DriveApp for the local Apps Script world: folders holding files, as the Drive-folder path of the BigQuery flavour
 * reads them (src/bigquery/raw). What it checks, with sources (developers.google.com/apps-script/reference/drive/…):
 * - DriveApp.getFolderById(id): a Folder; an id no folder has (or one the user cannot see) throws, as Apps Script does,
 *   "No item with the given ID could be found. Possibly because you have not edited this item or you do not have
 *   permission to access it." [mem: the message Apps Script shows; wording of the Drive API 404 "File not found"].
 * - Folder.getFiles(): a FileIterator (hasNext / next; next past the end throws) over the folder's files, not trashed.
 * - File: getId, getName, getMimeType (`text/csv`, `text/plain` …), getSize (bytes), getLastUpdated, getDateCreated,
 *   getBlob (a Blob of the bytes; above 50 MB it throws "… exceeds the maximum file size.", tanaikech on the 50 MB
 *   Blob limit and the message quoted from an add-on, see src/bigquery/raw/folderLoad.ts).
 * - Scopes: every call needs a Drive scope in the manifest (drive.readonly, drive or drive.file) when the manifest
 *   lists scopes, else "You do not have permission to call DriveApp.getFolderById".
 */
import { permissionError, type Runtime } from './runtime';
import { FakeBlob } from './utilities';

export const DRIVE_READONLY_SCOPE = 'https://www.googleapis.com/auth/drive.readonly';
const DRIVE_SCOPES = [
  DRIVE_READONLY_SCOPE,
  'https://www.googleapis.com/auth/drive',
  'https://www.googleapis.com/auth/drive.file',
];
/** Apps Script's Blob limit. */
export const MAX_BLOB_BYTES = 52_428_800;
const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';

export class FakeDriveFile {
  constructor(
    private readonly id: string,
    private readonly name: string,
    private readonly mimeType: string,
    private readonly bytes: Uint8Array,
    private readonly updated: Date,
    /** The size Drive reports; tests set a size beyond the bytes they hold to stand for a huge file. */
    private readonly size: number = bytes.length,
  ) {}

  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  getMimeType(): string {
    return this.mimeType;
  }
  getSize(): number {
    return this.size;
  }
  getLastUpdated(): Date {
    return new Date(this.updated);
  }
  getDateCreated(): Date {
    return new Date(this.updated);
  }
  getBlob(): FakeBlob {
    if (this.size > MAX_BLOB_BYTES) throw new Error(`File ${this.name} exceeds the maximum file size.`);
    return new FakeBlob(Buffer.from(this.bytes), this.mimeType, this.name);
  }
}

class FakeFileIterator {
  private index = 0;
  constructor(private readonly files: readonly FakeDriveFile[]) {}
  hasNext(): boolean {
    return this.index < this.files.length;
  }
  next(): FakeDriveFile {
    const file = this.files[this.index];
    if (!file) throw new Error('Cannot retrieve the next object: iterator has reached the end.');
    this.index++;
    return file;
  }
}

export class FakeDriveFolder {
  readonly files: FakeDriveFile[] = [];
  constructor(
    private readonly id: string,
    private readonly name: string,
  ) {}
  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.name;
  }
  getFiles(): FakeFileIterator {
    return new FakeFileIterator([...this.files]);
  }
}

export class FakeDriveApp {
  private readonly folders = new Map<string, FakeDriveFolder>();
  private nextId = 1;

  constructor(private readonly runtime: Runtime) {}

  /** Test control: a folder the user can see. */
  addFolder(id: string, name = id): FakeDriveFolder {
    const folder = new FakeDriveFolder(id, name);
    this.folders.set(id, folder);
    return folder;
  }

  /** Test control: a file in a folder; its id is Drive-like (letters, digits, `-`, `_`). */
  addFile(
    folder: FakeDriveFolder,
    name: string,
    mimeType: string,
    bytes: Uint8Array,
    options: { id?: string; updated?: Date; size?: number } = {},
  ): FakeDriveFile {
    const id = options.id ?? `1FakeDriveFile-${String(this.nextId++).padStart(4, '0')}_x`;
    const file = new FakeDriveFile(id, name, mimeType, bytes, options.updated ?? new Date(0), options.size);
    folder.files.push(file);
    return file;
  }

  private checkScope(call: string): void {
    const scopes = this.runtime.oauthScopes;
    if (scopes && !scopes.some((scope) => DRIVE_SCOPES.includes(scope)))
      throw permissionError(call, DRIVE_READONLY_SCOPE);
  }

  getFolderById(id: string): FakeDriveFolder {
    this.checkScope('DriveApp.getFolderById');
    const folder = this.folders.get(id);
    if (!folder) throw new Error(NOT_FOUND);
    return folder;
  }
}
