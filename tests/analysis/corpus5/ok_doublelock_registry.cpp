// USB device registry (POSIX threads). Hot-plug events from two ports
// register devices; registering looks up the table, which takes the same
// lock again, so the lock is created recursive.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define MAX_DEVICES 64

struct device {
    unsigned vendor, product;
    char name[24];
};

static struct device table[MAX_DEVICES];
static int table_len = 0;
static pthread_mutex_t table_lock;

static int find_device(unsigned vendor, unsigned product) {
    int idx = -1;
    pthread_mutex_lock(&table_lock);
    for (int i = 0; i < table_len; i++)
        if (table[i].vendor == vendor && table[i].product == product)
            idx = i;
    pthread_mutex_unlock(&table_lock);
    return idx;
}

static int register_device(unsigned vendor, unsigned product, const char* name) {
    pthread_mutex_lock(&table_lock);
    int idx = find_device(vendor, product);
    if (idx < 0 && table_len < MAX_DEVICES) {
        idx = table_len++;
        table[idx].vendor = vendor;
        table[idx].product = product;
        snprintf(table[idx].name, sizeof table[idx].name, "%s", name);
    }
    pthread_mutex_unlock(&table_lock);
    return idx;
}

static void* hotplug_port(void* arg) {
    unsigned base = *(unsigned*)arg;
    for (unsigned i = 0; i < 40; i++)
        register_device(0x046d, base + (i % 20), "logi-device");
    return NULL;
}

int main(void) {
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&table_lock, &attr);
    pthread_mutexattr_destroy(&attr);

    unsigned port_a = 0xc000, port_b = 0xc010;
    pthread_t a, b;
    pthread_create(&a, NULL, hotplug_port, &port_a);
    pthread_create(&b, NULL, hotplug_port, &port_b);
    pthread_join(a, NULL);
    pthread_join(b, NULL);

    printf("%d distinct devices registered\n", table_len);
    pthread_mutex_destroy(&table_lock);
    return table_len == 36 ? 0 : 1;
}
