#!/usr/bin/env bash
# The offline base of the images (Maven profile images-offline): where no registry is reachable, Jib cannot pull
# eclipse-temurin:17-jre, so the image starts FROM scratch and this layer brings the runtime: a JRE cut with jlink
# from the build machine's JDK, at eclipse-temurin's path (/opt/java/openjdk) so the entrypoint is the same for
# both bases, plus the C libraries that JRE links against (ldd), /etc/passwd with the non-root user, /tmp and
# the JDK's CA certificates. The trade-off: the glibc and the JDK patch level are the build machine's instead of
# a maintained base image's; production builds use -Pimages alone (eclipse-temurin:17-jre).
# usage: jre-layer.sh <output dir>   (kept between builds: delete it to cut the JRE again)
set -euo pipefail
out="$1"
jre="$out/opt/java/openjdk"
if [ -x "$jre/bin/java" ]; then
  exit 0
fi
rm -rf "$out"
mkdir -p "$out/opt/java" "$out/tmp" "$out/etc"
# java.se: every SE module (Spring and Dubbo reach into java.desktop's beans, java.management, java.naming,
# java.sql, java.net.http); the jdk.* ones: Unsafe (Netty, hessian), EC TLS, JMX metrics, DNS, zip filesystems
jlink --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.naming.dns,jdk.zipfs,jdk.httpserver \
  --strip-debug --no-header-files --no-man-pages --compress=2 --output "$jre"
# Debian's JDK links its trust store to /etc/ssl: the image gets the file itself
cacerts="$(readlink -f "$(dirname "$(readlink -f "$(command -v jlink)")")/../lib/security/cacerts")"
if [ -f "$cacerts" ]; then
  rm -f "$jre/lib/security/cacerts"
  cp "$cacerts" "$jre/lib/security/cacerts"
fi
# the shared libraries (the JRE's own are found through its RPATH $ORIGIN, which needs /proc as in any container),
# at the paths the dynamic linker looks them up (not the X11 ones: the JVM runs headless)
libs=$(find "$jre" \( -name "*.so" -o -path "$jre/bin/*" \) -type f ! -name "*xawt*" ! -name "*splashscreen*" ! -name "*jawt*" ! -name "*jsound*" \
  | xargs ldd 2>/dev/null \
  | awk '/=> \//{print $3} /^[[:space:]]*\/lib/{print $1}' | grep -v "^$jre" | sort -u)
for lib in $libs; do
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done
printf 'root:x:0:0:root:/root:/sbin/nologin\npaysuite:x:1000:1000:paysuite:/tmp:/sbin/nologin\n' > "$out/etc/passwd"
printf 'root:x:0:\npaysuite:x:1000:\n' > "$out/etc/group"
