// Office print spooler written against the POSIX thread API: client
// threads submit jobs, one printer thread drains the queue.
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#define QUEUE_CAP 16

struct print_job {
    int id;
    int pages;
    char owner[32];
};

static struct print_job queue_jobs[QUEUE_CAP];
static int queue_head = 0;
static int queue_count = 0;
static int total_pages = 0;
static pthread_mutex_t queue_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t queue_nonempty = PTHREAD_COND_INITIALIZER;

static void log_queue_depth(const char* why) {
    pthread_mutex_lock(&queue_lock);            // expect-double-lock: Queue_lock
    printf("[spooler] %s: %d job(s) queued\n", why, queue_count);
    pthread_mutex_unlock(&queue_lock);
}

static int submit_job(int id, int pages, const char* owner) {
    pthread_mutex_lock(&queue_lock);
    if (queue_count == QUEUE_CAP) {
        pthread_mutex_unlock(&queue_lock);
        return -1;
    }
    struct print_job* job = &queue_jobs[(queue_head + queue_count) % QUEUE_CAP];
    job->id = id;
    job->pages = pages;
    strncpy(job->owner, owner, sizeof(job->owner) - 1);
    job->owner[sizeof(job->owner) - 1] = '\0';
    queue_count++;
    log_queue_depth("submit");
    pthread_cond_signal(&queue_nonempty);
    pthread_mutex_unlock(&queue_lock);
    return 0;
}

static void* printer_main(void* arg) {
    int jobs_to_print = *(int*)arg;
    for (int n = 0; n < jobs_to_print; n++) {
        pthread_mutex_lock(&queue_lock);
        if (queue_count == 0)
            pthread_cond_wait(&queue_nonempty, &queue_lock);   // expect-cv-wait: Queue_nonempty
        struct print_job job = queue_jobs[queue_head];
        queue_head = (queue_head + 1) % QUEUE_CAP;
        queue_count--;
        total_pages += job.pages;
        pthread_mutex_unlock(&queue_lock);
        printf("printing job %d for %s (%d pages)\n", job.id, job.owner, job.pages);
    }
    return NULL;
}

static void* client_main(void* arg) {
    int base = *(int*)arg;
    for (int i = 0; i < 4; i++) {
        while (submit_job(base + i, 1 + i, base < 100 ? "accounting" : "legal") != 0)
            ;
    }
    return NULL;
}

int main(void) {
    int expected = 8;
    int base_a = 10, base_b = 200;
    pthread_t printer, client_a, client_b;
    pthread_create(&printer, NULL, printer_main, &expected);
    pthread_create(&client_a, NULL, client_main, &base_a);
    pthread_create(&client_b, NULL, client_main, &base_b);
    pthread_join(client_a, NULL);
    pthread_join(client_b, NULL);
    pthread_join(printer, NULL);
    printf("spooled %d pages\n", total_pages);
    return 0;
}
