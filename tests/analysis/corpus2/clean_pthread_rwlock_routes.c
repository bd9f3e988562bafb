/* Routing table of a packet forwarder: lookups from several forwarding
 * threads under the read lock, route updates from a control thread under
 * the write lock. Per-thread counters live in per-thread structs. */
#include <pthread.h>
#include <stdio.h>
#include <stdint.h>

#define ROUTES 32
#define FORWARDERS 3

struct route {
  uint32_t prefix;
  uint32_t mask;
  int iface;
};

static struct route table[ROUTES];
static int route_count;
static pthread_rwlock_t table_lock = PTHREAD_RWLOCK_INITIALIZER;

struct fwd_ctx {
  int id;
  long forwarded;
  long dropped;
};

static int lookup_iface(uint32_t addr) {
  int iface = -1;
  uint32_t best = 0;
  pthread_rwlock_rdlock(&table_lock);
  for (int i = 0; i < route_count; ++i)
    if ((addr & table[i].mask) == table[i].prefix && table[i].mask >= best) {
      best = table[i].mask;
      iface = table[i].iface;
    }
  pthread_rwlock_unlock(&table_lock);
  return iface;
}

static void add_route(uint32_t prefix, uint32_t mask, int iface) {
  pthread_rwlock_wrlock(&table_lock);
  if (route_count < ROUTES) {
    table[route_count].prefix = prefix & mask;
    table[route_count].mask = mask;
    table[route_count].iface = iface;
    route_count++;
  }
  pthread_rwlock_unlock(&table_lock);
}

static void *forwarder(void *arg) {
  struct fwd_ctx *ctx = arg;
  for (uint32_t n = 0; n < 50000; ++n) {
    uint32_t addr = 0x0a000000u | ((n * 2654435761u + (uint32_t)ctx->id) & 0x00ffffffu);
    if (lookup_iface(addr) >= 0)
      ctx->forwarded++;
    else
      ctx->dropped++;
  }
  return NULL;
}

static void *control_plane(void *arg) {
  (void)arg;
  for (int i = 0; i < 16; ++i)
    add_route(0x0a000000u | ((uint32_t)i << 20), 0xfff00000u, i % 4);
  return NULL;
}

int main(void) {
  pthread_t fwd[FORWARDERS], ctl;
  struct fwd_ctx ctx[FORWARDERS];
  add_route(0x0a000000u, 0xff000000u, 0);
  pthread_create(&ctl, NULL, control_plane, NULL);
  for (int i = 0; i < FORWARDERS; ++i) {
    ctx[i] = (struct fwd_ctx){.id = i, .forwarded = 0, .dropped = 0};
    pthread_create(&fwd[i], NULL, forwarder, &ctx[i]);
  }
  pthread_join(ctl, NULL);
  for (int i = 0; i < FORWARDERS; ++i) {
    pthread_join(fwd[i], NULL);
    printf("forwarder %d: %ld forwarded, %ld dropped\n", i, ctx[i].forwarded, ctx[i].dropped);
  }
  return 0;
}
