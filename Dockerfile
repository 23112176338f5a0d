# flaglint as a container image: one static (musl) binary on an empty base.
#
#   docker build -t flaglint .
#   docker run --rm -v "$PWD:/repo" -w /repo flaglint check
#
# The default stage builds from source. The release workflow builds the
# `release` stage instead, from the binaries the release publishes, so the
# image holds the same bytes as the checksummed archives:
#   docker buildx build --target release --build-context dist=DIR .
# with DIR/amd64/flaglint and DIR/arm64/flaglint.

FROM scratch AS release
ARG TARGETARCH
COPY --from=dist ${TARGETARCH}/flaglint /flaglint
WORKDIR /repo
ENTRYPOINT ["/flaglint"]
CMD ["check"]

FROM rust:1.95-alpine AS build
# The tree-sitter grammars are C: musl-dev links them statically.
RUN apk add --no-cache musl-dev
WORKDIR /src
COPY Cargo.toml Cargo.lock ./
COPY src ./src
RUN cargo build --release --locked \
    && cp target/release/flaglint /flaglint \
    && /flaglint --version

FROM scratch
COPY --from=build /flaglint /flaglint
WORKDIR /repo
ENTRYPOINT ["/flaglint"]
CMD ["check"]
