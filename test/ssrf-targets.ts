/**
 * Targets the SSRF guard must refuse: IPv4 loopback (dotted and octal), private (RFC 1918), shared
 * (100.64/10) and unspecified; the cloud metadata address 169.254.169.254 dotted, decimal, hex,
 * IPv4-mapped and NAT64; IPv6 loopback, unique-local and link-local.
 */
export const FORBIDDEN_TARGETS = [
  "http://127.0.0.1/",
  "http://10.0.0.1/",
  "http://172.16.0.1/",
  "http://192.168.1.1/",
  "http://100.64.0.1/",
  "http://169.254.169.254/latest/meta-data",
  "http://2852039166/",
  "http://0xa9fea9fe/",
  "http://[::ffff:169.254.169.254]/",
  "http://[::1]/",
  "http://[fc00::1]/",
  "http://[fe80::1]/",
  "http://0.0.0.0/",
  "http://017700000001/",
  "http://[64:ff9b::a9fe:a9fe]/",
];
