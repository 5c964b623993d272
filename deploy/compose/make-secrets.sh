#!/usr/bin/env bash
# Writes the files compose.yaml mounts as secrets, once (an existing file is kept: a new card-token key would make
# every bound card unusable, a new internal-call key would lock out a running instance). Production takes them from
# its secret store instead (docs/operations.md "Keys and secrets"); these are for the production-like Compose run.
set -euo pipefail
cd "$(dirname "$0")"
umask 022
mkdir -p secrets/channels data/cashier-keys
random() { head -c "$1" /dev/urandom | base64 | tr -d '\n=+/' | head -c "$2"; }
once() { [ -s "secrets/$1" ] || { "${@:2}" > "secrets/$1"; echo "wrote secrets/$1"; }; }
once db-password random 32 32
once db-root-password random 32 32
once internal-call.key sh -c 'head -c 32 /dev/urandom | base64'
once card-token.key sh -c 'head -c 32 /dev/urandom | base64'
once pay-password-pepper.key sh -c 'head -c 32 /dev/urandom | base64'
once ops-token sh -c 'head -c 24 /dev/urandom | od -An -tx1 | tr -d " \n"; echo'
# the channels' key pairs as the sandbox plays them (PEM, PKCS#8 private and X.509 public), as the launcher makes them
for pair in alipay-app alipay-platform wechat-merchant wechat-platform unionpay-merchant unionpay-platform unionpay-b-merchant; do
  if [ ! -s "secrets/channels/$pair.pem" ]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "secrets/channels/$pair.pem" 2>/dev/null
    openssl pkey -in "secrets/channels/$pair.pem" -pubout -out "secrets/channels/$pair.pub.pem"
    echo "wrote secrets/channels/$pair.pem"
  fi
done
for key in wechat-apiv3.key wechat-v2.key; do
  [ -s "secrets/channels/$key" ] || { random 64 32 > "secrets/channels/$key"; echo "wrote secrets/channels/$key"; }
done
# the images run as uid 1000: readable keys, and a directory cashier-service writes its generated platform keys to
chmod 644 secrets/*.key secrets/ops-token secrets/db-password secrets/channels/*
chmod 777 data/cashier-keys
