//! The program never goes online: no HTTP, TLS or socket client crate may enter the dependency
//! tree. This reads Cargo.lock, which lists every crate the build can use.

const FORBIDDEN: &[&str] = &[
    "attohttpc",
    "curl",
    "h2",
    "http",
    "hyper",
    "isahc",
    "native-tls",
    "openssl",
    "reqwest",
    "rustls",
    "surf",
    "tokio-tungstenite",
    "tungstenite",
    "ureq",
];

#[test]
fn no_network_client_in_the_dependency_tree() {
    let lock = std::fs::read_to_string("Cargo.lock").expect("Cargo.lock is committed");
    let names: Vec<&str> = lock
        .lines()
        .filter_map(|l| l.strip_prefix("name = \""))
        .filter_map(|l| l.strip_suffix('"'))
        .collect();
    assert!(
        names.len() > 100,
        "Cargo.lock parsed ({} crates)",
        names.len()
    );
    let found: Vec<&&str> = names.iter().filter(|n| FORBIDDEN.contains(n)).collect();
    assert!(
        found.is_empty(),
        "network crates in the dependency tree: {found:?}"
    );
}
