//! Build script: for Windows targets, embeds the icon, the version information and the
//! application manifest (DPI awareness, UTF-8 code page) into both `.exe` files, with the
//! resource compiler of the toolchain (MinGW's `windres` when cross-compiling from Linux).
//! Other targets need nothing from it.

fn main() {
    println!("cargo:rerun-if-changed=scripts/build.rs");
    println!("cargo:rerun-if-changed=assets/windows/plattformcheck.ico");
    println!("cargo:rerun-if-changed=assets/windows/plattformcheck.manifest");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut res = winresource::WindowsResource::new();
    res.set_icon("assets/windows/plattformcheck.ico")
        .set_manifest_file("assets/windows/plattformcheck.manifest")
        // German (Germany): the language the program speaks first.
        .set_language(0x0407)
        .set("ProductName", "Plattform-Check")
        // Windows shows the file description as the program's name ("Open with", Task
        // Manager). ASCII only: windres reads the generated .rc in the build machine's code page.
        .set("FileDescription", "Plattform-Check")
        .set("CompanyName", "Plattform-Check")
        .set("LegalCopyright", "MIT OR Apache-2.0");
    if let Err(err) = res.compile() {
        // A Windows build without its resources would run, but without icon or manifest: stop.
        panic!("cannot compile the Windows resources (is MinGW's windres installed?): {err}");
    }
}
