# syntax=docker/dockerfile:1
#
# minutes in a container: the build stage compiles a release binary with the Swift
# runtime linked in statically; the runtime stage is Debian slim with only the
# poppler-glib and tesseract shared libraries and the English and OSD tessdata.
#
#   docker build -t minutes .
#   docker run -d --name minutes --user "$(id -u):$(id -g)" -v "$PWD/inbox:/in" -v "$PWD/json:/out" minutes
#
# The default command watches /in and writes /out as user minutes (uid and gid 10001) unless
# --user says otherwise (see README, "Batch, watch and Docker"). scripts/check-container.sh
# carries out this file's runtime stage in a debootstrapped Debian root and checks the image
# there, where no container engine runs; it reads the package list below from this file.

# swift-log 1.16 needs swift-tools-version 6.2; the project is developed on 6.3.
ARG SWIFT_IMAGE=swift:6.3-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

FROM ${SWIFT_IMAGE} AS build
RUN export DEBIAN_FRONTEND=noninteractive \
 && apt-get update -q \
 && apt-get install -q -y --no-install-recommends \
      pkg-config libpoppler-glib-dev libcairo2-dev libtesseract-dev libleptonica-dev libsqlite3-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Sources ./Sources
# The manifest declares the test target; SwiftPM wants its folder to exist even for a release build.
COPY Tests ./Tests
COPY pipelines ./pipelines
# The cache mount keeps fetched packages and objects between builds; the binary is copied
# out in the same step because the mount is not part of the image.
RUN --mount=type=cache,target=/src/.build \
    swift build -c release --product minutes --static-swift-stdlib \
 && install -D "$(swift build -c release --show-bin-path)/minutes" /staging/usr/local/bin/minutes \
 && strip /staging/usr/local/bin/minutes \
 && install -d /staging/usr/local/share/minutes/pipelines \
 && install -m 0644 pipelines/*.yml /staging/usr/local/share/minutes/pipelines/

FROM ${RUNTIME_IMAGE}
RUN export DEBIAN_FRONTEND=noninteractive \
 && apt-get update -q \
 && apt-get install -q -y --no-install-recommends \
      libpoppler-glib8 libcairo2 libtesseract5 liblept5 libsqlite3-0 \
      tesseract-ocr-eng tesseract-ocr-osd \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 minutes \
 && useradd --system --uid 10001 --gid minutes --no-create-home --shell /usr/sbin/nologin minutes \
 && mkdir -p /in /out \
 && chown minutes:minutes /in /out
COPY --from=build /staging/ /
# Debian's tesseract-ocr-* packages put the language data here.
ENV TESSDATA_PREFIX=/usr/share/tesseract-ocr/5/tessdata
USER minutes
VOLUME ["/in", "/out"]
ENTRYPOINT ["/usr/local/bin/minutes"]
# --poll instead of inotify when /in is a network share (NFS, SMB) mounted into the container.
CMD ["watch", "/in", "--out", "/out"]
