#include "litert_shim.h"

#include <dlfcn.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

// Function-pointer table resolved by ffl_load.
static struct {
  LiteRtStatus (*CreateEnvironment)(int, const void*, LiteRtEnvironment*);
  void (*DestroyEnvironment)(LiteRtEnvironment);
  LiteRtStatus (*CreateModelFromFile)(LiteRtEnvironment, const char*, LiteRtModel*);
  void (*DestroyModel)(LiteRtModel);
  LiteRtStatus (*GetModelSignature)(LiteRtModel, LiteRtParamIndex, LiteRtSignature*);
  LiteRtStatus (*GetNumSignatureInputs)(LiteRtSignature, LiteRtParamIndex*);
  LiteRtStatus (*GetNumSignatureOutputs)(LiteRtSignature, LiteRtParamIndex*);
  LiteRtStatus (*GetSignatureInputTensorByIndex)(LiteRtSignature, LiteRtParamIndex, LiteRtTensor*);
  LiteRtStatus (*GetSignatureOutputTensorByIndex)(LiteRtSignature, LiteRtParamIndex, LiteRtTensor*);
  LiteRtStatus (*GetTensorName)(LiteRtTensor, const char**);
  LiteRtStatus (*GetRankedTensorType)(LiteRtTensor, LiteRtRankedTensorType*);
  LiteRtStatus (*CreateOptions)(LiteRtOptions*);
  void (*DestroyOptions)(LiteRtOptions);
  LiteRtStatus (*SetOptionsHardwareAccelerators)(LiteRtOptions, int);
  LiteRtStatus (*CreateOpaqueOptions)(const char*, void*, void (*)(void*), LiteRtOpaqueOptions*);
  LiteRtStatus (*AddOpaqueOptions)(LiteRtOptions, LiteRtOpaqueOptions);
  LiteRtStatus (*CreateCompiledModel)(LiteRtEnvironment, LiteRtModel, LiteRtOptions, LiteRtCompiledModel*);
  void (*DestroyCompiledModel)(LiteRtCompiledModel);
  LiteRtStatus (*GetCompiledModelInputBufferRequirements)(LiteRtCompiledModel, LiteRtParamIndex, LiteRtParamIndex,
                                                          LiteRtTensorBufferRequirements*);
  LiteRtStatus (*GetCompiledModelOutputBufferRequirements)(LiteRtCompiledModel, LiteRtParamIndex, LiteRtParamIndex,
                                                           LiteRtTensorBufferRequirements*);
  LiteRtStatus (*CreateManagedTensorBufferFromRequirements)(LiteRtEnvironment, const LiteRtRankedTensorType*,
                                                            LiteRtTensorBufferRequirements, LiteRtTensorBuffer*);
  LiteRtStatus (*LockTensorBuffer)(LiteRtTensorBuffer, void**, int);
  LiteRtStatus (*UnlockTensorBuffer)(LiteRtTensorBuffer);
  void (*DestroyTensorBuffer)(LiteRtTensorBuffer);
  LiteRtStatus (*RunCompiledModel)(LiteRtCompiledModel, LiteRtParamIndex, size_t, LiteRtTensorBuffer*, size_t,
                                   LiteRtTensorBuffer*);
} api;

static pthread_mutex_t load_lock = PTHREAD_MUTEX_INITIALIZER;
static int load_state = 0;  // 0 = not tried, 1 = loaded, -1 = failed
static char load_error[512];

#define RESOLVE(field)                                                                                 \
  do {                                                                                                 \
    *(void**)(&api.field) = dlsym(handle, "LiteRt" #field);                                            \
    if (!api.field) {                                                                                  \
      snprintf(load_error, sizeof load_error, "%s has no symbol LiteRt%s (need ai-edge-litert 2.3.0)", \
               path, #field);                                                                          \
      return -1;                                                                                       \
    }                                                                                                  \
  } while (0)

static int resolve_all(void* handle, const char* path) {
  RESOLVE(CreateEnvironment);
  RESOLVE(DestroyEnvironment);
  RESOLVE(CreateModelFromFile);
  RESOLVE(DestroyModel);
  RESOLVE(GetModelSignature);
  RESOLVE(GetNumSignatureInputs);
  RESOLVE(GetNumSignatureOutputs);
  RESOLVE(GetSignatureInputTensorByIndex);
  RESOLVE(GetSignatureOutputTensorByIndex);
  RESOLVE(GetTensorName);
  RESOLVE(GetRankedTensorType);
  RESOLVE(CreateOptions);
  RESOLVE(DestroyOptions);
  RESOLVE(SetOptionsHardwareAccelerators);
  RESOLVE(CreateOpaqueOptions);
  RESOLVE(AddOpaqueOptions);
  RESOLVE(CreateCompiledModel);
  RESOLVE(DestroyCompiledModel);
  RESOLVE(GetCompiledModelInputBufferRequirements);
  RESOLVE(GetCompiledModelOutputBufferRequirements);
  RESOLVE(CreateManagedTensorBufferFromRequirements);
  RESOLVE(LockTensorBuffer);
  RESOLVE(UnlockTensorBuffer);
  RESOLVE(DestroyTensorBuffer);
  RESOLVE(RunCompiledModel);
  return 0;
}

int ffl_load(const char* library_path, char* error, size_t error_size) {
  pthread_mutex_lock(&load_lock);
  if (load_state == 0) {
    void* handle = dlopen(library_path, RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
      const char* why = dlerror();
      snprintf(load_error, sizeof load_error, "%s", why ? why : "dlopen failed");
      load_state = -1;
    } else if (resolve_all(handle, library_path) != 0) {
      memset(&api, 0, sizeof api);
      dlclose(handle);
      load_state = -1;
    } else {
      load_state = 1;
    }
  }
  int state = load_state;
  if (state != 1 && error && error_size > 0) snprintf(error, error_size, "%s", load_error);
  pthread_mutex_unlock(&load_lock);
  return state == 1 ? 0 : -1;
}

int ffl_is_loaded(void) {
  pthread_mutex_lock(&load_lock);
  int loaded = load_state == 1;
  pthread_mutex_unlock(&load_lock);
  return loaded;
}

// While silenced, stderr is a pipe: a reader thread drops the runtime's own log lines ("INFO: ...",
// "WARNING: [...") and forwards every other line to the real stderr, so other threads' output is not lost.
// Reference-counted so overlapping users on several threads restore the real stderr exactly once.
static pthread_mutex_t silence_lock = PTHREAD_MUTEX_INITIALIZER;
static int silence_depth = 0;
static int saved_stderr = -1;
static int pipe_read = -1;
static pthread_t reader_thread;

static int is_runtime_line(const char* line, size_t length) {
  static const char* prefixes[] = {"INFO: ", "WARNING: [", "ERROR: [", "VERBOSE: "};
  for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
    size_t n = strlen(prefixes[i]);
    if (length >= n && memcmp(line, prefixes[i], n) == 0) return 1;
  }
  return 0;
}

static void* forward_lines(void* arg) {
  int out = *(int*)arg;
  free(arg);
  char line[4096];
  size_t used = 0;
  char chunk[1024];
  ssize_t got;
  while ((got = read(pipe_read, chunk, sizeof chunk)) > 0) {
    for (ssize_t i = 0; i < got; i++) {
      if (used < sizeof line) line[used++] = chunk[i];
      if (chunk[i] == '\n' || used == sizeof line) {
        if (!is_runtime_line(line, used)) (void)!write(out, line, used);
        used = 0;
      }
    }
  }
  if (used > 0 && !is_runtime_line(line, used)) (void)!write(out, line, used);
  return NULL;
}

int ffl_silence_stderr(void) {
  pthread_mutex_lock(&silence_lock);
  if (silence_depth == 0) {
    fflush(stderr);
    int fds[2];
    int saved = dup(STDERR_FILENO);
    int* arg = malloc(sizeof(int));
    if (saved < 0 || !arg || pipe(fds) != 0) {
      if (saved >= 0) close(saved);
      free(arg);
      pthread_mutex_unlock(&silence_lock);
      return -1;
    }
    *arg = saved;
    pipe_read = fds[0];
    if (pthread_create(&reader_thread, NULL, forward_lines, arg) != 0) {
      close(fds[0]);
      close(fds[1]);
      close(saved);
      free(arg);
      pthread_mutex_unlock(&silence_lock);
      return -1;
    }
    dup2(fds[1], STDERR_FILENO);
    close(fds[1]);
    saved_stderr = saved;
  }
  silence_depth += 1;
  pthread_mutex_unlock(&silence_lock);
  return 1;
}

void ffl_restore_stderr(int token) {
  if (token < 0) return;
  pthread_mutex_lock(&silence_lock);
  if (silence_depth > 0 && --silence_depth == 0 && saved_stderr >= 0) {
    fflush(stderr);
    dup2(saved_stderr, STDERR_FILENO);  // closes the pipe's last write end: the reader drains and ends
    pthread_join(reader_thread, NULL);
    close(pipe_read);
    close(saved_stderr);
    pipe_read = -1;
    saved_stderr = -1;
  }
  pthread_mutex_unlock(&silence_lock);
}

unsigned ffl_tensor_rank(const LiteRtRankedTensorType* type) { return type->layout.rank; }

int32_t ffl_tensor_dimension(const LiteRtRankedTensorType* type, unsigned index) {
  return index < type->layout.rank && index < FFL_MAX_RANK ? type->layout.dimensions[index] : 0;
}

#define FORWARD(field, ...) return api.field ? api.field(__VA_ARGS__) : FFL_NOT_LOADED
#define FORWARD_VOID(field, ...) \
  if (api.field) api.field(__VA_ARGS__)

LiteRtStatus ffl_CreateEnvironment(LiteRtEnvironment* env) { FORWARD(CreateEnvironment, 0, NULL, env); }
void ffl_DestroyEnvironment(LiteRtEnvironment env) { FORWARD_VOID(DestroyEnvironment, env); }
LiteRtStatus ffl_CreateModelFromFile(LiteRtEnvironment env, const char* path, LiteRtModel* model) {
  FORWARD(CreateModelFromFile, env, path, model);
}
void ffl_DestroyModel(LiteRtModel model) { FORWARD_VOID(DestroyModel, model); }
LiteRtStatus ffl_GetModelSignature(LiteRtModel model, LiteRtParamIndex index, LiteRtSignature* signature) {
  FORWARD(GetModelSignature, model, index, signature);
}
LiteRtStatus ffl_GetNumSignatureInputs(LiteRtSignature signature, LiteRtParamIndex* count) {
  FORWARD(GetNumSignatureInputs, signature, count);
}
LiteRtStatus ffl_GetNumSignatureOutputs(LiteRtSignature signature, LiteRtParamIndex* count) {
  FORWARD(GetNumSignatureOutputs, signature, count);
}
LiteRtStatus ffl_GetSignatureInputTensorByIndex(LiteRtSignature signature, LiteRtParamIndex index,
                                                LiteRtTensor* tensor) {
  FORWARD(GetSignatureInputTensorByIndex, signature, index, tensor);
}
LiteRtStatus ffl_GetSignatureOutputTensorByIndex(LiteRtSignature signature, LiteRtParamIndex index,
                                                 LiteRtTensor* tensor) {
  FORWARD(GetSignatureOutputTensorByIndex, signature, index, tensor);
}
LiteRtStatus ffl_GetTensorName(LiteRtTensor tensor, const char** name) { FORWARD(GetTensorName, tensor, name); }
LiteRtStatus ffl_GetRankedTensorType(LiteRtTensor tensor, LiteRtRankedTensorType* type) {
  FORWARD(GetRankedTensorType, tensor, type);
}

LiteRtStatus ffl_CreateCpuOptions(int threads, LiteRtOptions* options) {
  if (!api.CreateOptions) return FFL_NOT_LOADED;
  LiteRtOptions created = NULL;
  LiteRtStatus status = api.CreateOptions(&created);
  if (status != 0) return status;
  status = api.SetOptionsHardwareAccelerators(created, FFL_ACCELERATOR_CPU);
  if (status == 0 && threads > 0) {
    // The "xnnpack" opaque options take a NUL-terminated TOML payload, freed by the runtime with `free`.
    char* toml = malloc(64);
    if (!toml) {
      api.DestroyOptions(created);
      return -1;
    }
    snprintf(toml, 64, "num_threads = %d\n", threads);
    LiteRtOpaqueOptions cpu = NULL;
    status = api.CreateOpaqueOptions("xnnpack", toml, free, &cpu);
    if (status != 0) {
      free(toml);
    } else {
      status = api.AddOpaqueOptions(created, cpu);  // `created` owns `cpu` from here
    }
  }
  if (status != 0) {
    api.DestroyOptions(created);
    return status;
  }
  *options = created;
  return 0;
}
void ffl_DestroyOptions(LiteRtOptions options) { FORWARD_VOID(DestroyOptions, options); }
LiteRtStatus ffl_CreateCompiledModel(LiteRtEnvironment env, LiteRtModel model, LiteRtOptions options,
                                     LiteRtCompiledModel* compiled) {
  FORWARD(CreateCompiledModel, env, model, options, compiled);
}
void ffl_DestroyCompiledModel(LiteRtCompiledModel compiled) { FORWARD_VOID(DestroyCompiledModel, compiled); }
LiteRtStatus ffl_GetCompiledModelInputBufferRequirements(LiteRtCompiledModel compiled, LiteRtParamIndex signature,
                                                         LiteRtParamIndex index,
                                                         LiteRtTensorBufferRequirements* requirements) {
  FORWARD(GetCompiledModelInputBufferRequirements, compiled, signature, index, requirements);
}
LiteRtStatus ffl_GetCompiledModelOutputBufferRequirements(LiteRtCompiledModel compiled, LiteRtParamIndex signature,
                                                          LiteRtParamIndex index,
                                                          LiteRtTensorBufferRequirements* requirements) {
  FORWARD(GetCompiledModelOutputBufferRequirements, compiled, signature, index, requirements);
}
LiteRtStatus ffl_CreateManagedTensorBufferFromRequirements(LiteRtEnvironment env, const LiteRtRankedTensorType* type,
                                                           LiteRtTensorBufferRequirements requirements,
                                                           LiteRtTensorBuffer* buffer) {
  FORWARD(CreateManagedTensorBufferFromRequirements, env, type, requirements, buffer);
}
LiteRtStatus ffl_LockTensorBuffer(LiteRtTensorBuffer buffer, void** host, int lock_mode) {
  FORWARD(LockTensorBuffer, buffer, host, lock_mode);
}
LiteRtStatus ffl_UnlockTensorBuffer(LiteRtTensorBuffer buffer) { FORWARD(UnlockTensorBuffer, buffer); }
void ffl_DestroyTensorBuffer(LiteRtTensorBuffer buffer) { FORWARD_VOID(DestroyTensorBuffer, buffer); }
LiteRtStatus ffl_RunCompiledModel(LiteRtCompiledModel compiled, LiteRtParamIndex signature, size_t input_count,
                                  LiteRtTensorBuffer* inputs, size_t output_count, LiteRtTensorBuffer* outputs) {
  FORWARD(RunCompiledModel, compiled, signature, input_count, inputs, output_count, outputs);
}
