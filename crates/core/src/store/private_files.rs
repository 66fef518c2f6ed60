//! Every file and folder Kakehashi writes holds health or passport data, or says where
//! it is: each is its owner's alone (0600, folders 0700), whatever the umask. SQLite
//! creates its files 0600 too (`SQLITE_DEFAULT_FILE_PERMISSIONS` in
//! `.cargo/config.toml`); its WAL, shared-memory and journal files take the database
//! file's mode. Files made by earlier versions are brought to these modes when opened.

use std::io::Write;
use std::path::Path;

#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};

/// The mode of a file Kakehashi writes.
pub const FILE_MODE: u32 = 0o600;
/// The mode of a folder Kakehashi makes.
pub const DIR_MODE: u32 = 0o700;

/// Makes `dir` and any missing parent with [`DIR_MODE`]. A folder that exists is left
/// as it is: it may be one the coordinator chose and shares on purpose.
pub fn create_dir_all(dir: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    builder.mode(DIR_MODE);
    builder.create(dir)
}

/// Gives an existing file (or folder) of ours its private mode; nothing if it is absent.
pub fn restrict(path: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let mode = match std::fs::symlink_metadata(path) {
            Ok(m) if m.file_type().is_symlink() => return Ok(()),
            Ok(m) if m.is_dir() => DIR_MODE,
            Ok(_) => FILE_MODE,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        };
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Writes a whole file through a new temporary file in the same folder, then a rename,
/// so a crash leaves the old file or the new one, never half of one. The temporary file
/// is made fresh (`O_EXCL`, a random name, so a planted symlink is never followed),
/// private, and synced before it takes the name.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".kakehashi-")
        .suffix(".part")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(path);
    Ok(())
}

/// Makes a rename durable: the directory entry must reach the disk too.
pub(crate) fn sync_dir(file: &Path) {
    if let Some(dir) = file.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(d) = std::fs::File::open(dir)
    {
        let _ = d.sync_all();
    }
}
